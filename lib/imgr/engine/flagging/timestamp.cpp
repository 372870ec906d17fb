#include "imgr/engine/flagging/timestamp.h"

#include <cstdio>
#include <ctime>

namespace imgr {

std::string flag_timestamp(std::chrono::system_clock::time_point time) {
    using namespace std::chrono;
    const auto since_epoch = duration_cast<microseconds>(time.time_since_epoch());
    auto seconds_part = duration_cast<seconds>(since_epoch);
    auto micros = since_epoch - seconds_part;
    if (micros.count() < 0) {  // before 1970: keep the fraction positive
        seconds_part -= seconds(1);
        micros += seconds(1);
    }
    const std::time_t t = static_cast<std::time_t>(seconds_part.count());
    std::tm local{};
    localtime_r(&t, &local);  // the thread-safe form: flags come from worker threads
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d.%06lld", local.tm_year + 1900, local.tm_mon + 1,
                  local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec, static_cast<long long>(micros.count()));
    return buffer;
}

}  // namespace imgr
