// Handler types that convert without loss of meaning are accepted: int and
// float parameters for Number and Slider, std::string_view for text, a string
// literal or an int returned for a Textbox or a Number. (Types that cannot
// convert are compile errors: tests/engine/compile_fail.)
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/app/blocks.h>
#include <imgr/engine/apps/interface.h>
#include <support/settle.h>

#include <string>
#include <string_view>

using imgr_test::settle;

TEST_CASE("a Number or Slider may be taken as int (rounded) or float") {
    imgr::Blocks demo;
    auto count = demo.add(imgr::Number("count"));
    auto x = demo.add(imgr::Slider("x", 0, 1, 0.5).step(0.25));
    auto out = demo.add(imgr::Textbox("out"));
    count.change([](int n, float f) { return std::to_string(n) + " " + std::to_string(f); }, {count, x}, out);
    demo.engine().set_from_user(count.id(), 2.9999999);  // a value typed as 3 but computed: rounds, not truncates
    settle(demo.engine());
    CHECK(out.value() == "3 0.500000");
    demo.engine().set_from_user(count.id(), -4.0);
    settle(demo.engine());
    CHECK(out.value() == "-4 0.500000");
}

TEST_CASE("a handler may return a string literal for a Textbox and an int for a Number") {
    imgr::Blocks demo;
    auto name = demo.add(imgr::Textbox("name"));
    auto greeting = demo.add(imgr::Textbox("greeting"));
    auto length = demo.add(imgr::Number("length"));
    name.change([](std::string_view text) { return text.empty() ? "nobody" : "somebody"; }, {name}, greeting);
    name.change([](const std::string& text) { return (int)text.size(); }, {name}, length);
    demo.engine().set_from_user(name.id(), std::string("Ada"));
    settle(demo.engine());
    CHECK(greeting.value() == "somebody");
    CHECK(length.value() == 3.0);
}

TEST_CASE("several outputs: a tuple of convertible types fills each") {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n"));
    auto half = demo.add(imgr::Number("half"));
    auto parity = demo.add(imgr::Textbox("parity"));
    n.change([](long v) { return std::tuple(v / 2.0f, v % 2 ? "odd" : "even"); }, {n}, {half, parity});
    demo.engine().set_from_user(n.id(), 7.0);
    settle(demo.engine());
    CHECK(half.value() == 3.5);
    CHECK(parity.value() == "odd");
}

TEST_CASE("a float result is stored as the decimal it shows: 0.1f gives 0.1") {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n"));
    auto tenth = demo.add(imgr::Number("tenth"));
    n.change([](double v) { return (float)v / 10; }, {n}, tenth);
    demo.engine().set_from_user(n.id(), 1.0);
    settle(demo.engine());
    CHECK(tenth.value() == 0.1);
    CHECK((double)0.1f != 0.1);  // what a plain conversion would store
}

namespace {
const char* sign_of(int x) { return x < 0 ? "negative" : "not negative"; }
}  // namespace

TEST_CASE("an Interface takes the same conversions") {
    imgr::Interface demo(sign_of, {imgr::Number("x")}, imgr::Textbox("sign"));
    auto& engine = demo.engine();
    engine.set_from_user(demo.inputs()[0], -2.0);
    engine.fire(engine.find_by_label("Submit").at(0), imgr::Event::Click);
    settle(engine);
    CHECK(std::get<std::string>(engine.component(demo.outputs()[0]).spec.value) == "negative");
}
