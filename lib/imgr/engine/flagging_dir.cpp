#include "imgr/engine/flagging_dir.h"

#include <mutex>

namespace imgr {
namespace {
std::mutex g_mutex;  // loggers read it from worker threads
std::string g_override;
}  // namespace

void set_flagging_dir_override(std::string dir) {
    std::lock_guard lock(g_mutex);
    g_override = std::move(dir);
}

std::string effective_flagging_dir(const std::string& requested) {
    std::lock_guard lock(g_mutex);
    return g_override.empty() ? requested : g_override;
}

}  // namespace imgr
