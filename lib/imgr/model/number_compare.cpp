#include "imgr/model/number_compare.h"

#include <algorithm>
#include <cmath>

namespace imgr {

bool numbers_close(double a, double b, double relative_tolerance) {
    if (a == b) return true;  // also equal infinities, and 0 == -0
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b)) return false;  // unequal, and no tolerance spans infinity
    return std::fabs(a - b) <= relative_tolerance * std::max(std::fabs(a), std::fabs(b));
}

}  // namespace imgr
