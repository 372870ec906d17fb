// numbers_close: the one tolerance rule of script expectations and replay.
#include <doctest/doctest.h>
#include <imgr/model/number_compare.h>

#include <cmath>
#include <limits>

using namespace imgr;

TEST_CASE("numbers_close: relative tolerance, NaN matches NaN, an infinity only itself") {
    CHECK(numbers_close(1.0, 1.0 + 1e-12, 1e-9));
    CHECK_FALSE(numbers_close(1.0, 1.0 + 1e-6, 1e-9));
    CHECK(numbers_close(1.0, 1.0 + 1e-6, 1e-5));
    CHECK(numbers_close(0.0, -0.0, 0));
    const double nan = std::nan(""), inf = std::numeric_limits<double>::infinity();
    CHECK(numbers_close(nan, nan, 1e-9));
    CHECK_FALSE(numbers_close(nan, 1.0, 1e-9));
    CHECK(numbers_close(inf, inf, 1e-9));
    CHECK_FALSE(numbers_close(inf, -inf, 1e-9));
    CHECK_FALSE(numbers_close(inf, 1e308, 1));
}
