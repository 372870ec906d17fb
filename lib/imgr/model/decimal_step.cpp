#include "imgr/model/decimal_step.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

namespace imgr {

int decimal_places(double x) {
    if (!std::isfinite(x) || x == 0) return 0;
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
    std::string_view text(buffer, (size_t)(end - buffer));
    int exponent = 0;
    if (const size_t e = text.find('e'); e != std::string_view::npos) {
        exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
        text = text.substr(0, e);
    }
    const size_t dot = text.find('.');
    const int fraction = dot == std::string_view::npos ? 0 : (int)(text.size() - dot - 1);
    return std::max(0, fraction - exponent);
}

double snap_to_step(double value, double origin, double step) {
    if (!(step > 0) || !std::isfinite(value) || !std::isfinite(origin)) return value;
    const double snapped = origin + std::round((value - origin) / step) * step;
    // Powers of ten up to 1e15 are exact doubles, so k / 10^places is the
    // double nearest the decimal k * 10^-places (division rounds correctly).
    static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                              1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const int places = std::max(decimal_places(step), decimal_places(origin));
    if (places > 15) return snapped;
    const double scale = kPowersOfTen[places];
    const double scaled = std::round(snapped * scale);
    if (std::fabs(scaled) >= 9007199254740992.0) return snapped;  // 2^53: the digits do not fit a double
    return scaled / scale;
}

}  // namespace imgr
