// coerce_value: the value a component stores, for the engine and for replay alike.
#include <doctest/doctest.h>
#include <imgr/model/coerce_value.h>

#include <cmath>

using namespace imgr;

TEST_CASE("coerce_value: a Number clamped and rounded, a Slider clamped and snapped to its step, NaN at its minimum") {
    const KindProps number = NumberProps{.minimum = 0.0, .maximum = 10.0, .precision = 1};
    CHECK(std::get<double>(coerce_value(ComponentKind::Number, number, 12.0)) == 10.0);
    CHECK(std::get<double>(coerce_value(ComponentKind::Number, number, 2.26)) == 2.3);
    const KindProps slider = SliderProps{.minimum = 0, .maximum = 1, .step = 0.1};
    CHECK(std::get<double>(coerce_value(ComponentKind::Slider, slider, 0.26)) == 0.3);
    CHECK(std::get<double>(coerce_value(ComponentKind::Slider, slider, 0.96)) == 1.0);
    CHECK(std::get<double>(coerce_value(ComponentKind::Slider, slider, -3.0)) == 0.0);
    CHECK(std::get<double>(coerce_value(ComponentKind::Slider, slider, std::nan(""))) == 0.0);
    CHECK(std::get<double>(coerce_value(ComponentKind::Slider, SliderProps{.minimum = 0, .maximum = 1}, 0.26)) == 0.26);  // continuous
    CHECK(std::get<std::string>(coerce_value(ComponentKind::Textbox, TextboxProps{}, std::string("as is"))) == "as is");
}
