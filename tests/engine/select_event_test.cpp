// select events: Engine::fire_select hands its SelectData to handlers that take
// an imgr::SelectData parameter (after their inputs' values, before Progress&).
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/app/blocks.h>

#include "support/settle.h"

using namespace imgr;

namespace {
SelectData pixel(int x, int y) {
    SelectData data;
    data.x = x;
    data.y = y;
    data.value = Json::array({x, y});
    return data;
}
}  // namespace

TEST_CASE("a select handler gets its inputs and the SelectData of the event that fired it") {
    Blocks demo;
    auto image = demo.add(Image("image").value(ImageBuffer(8, 4, 3)));
    auto out = demo.add(Textbox("out"));
    image.select([](const ImageBuffer& im, SelectData at) {
        return std::to_string(im.width()) + ":" + std::to_string(at.x) + "," + std::to_string(at.y) + at.value.dump();
    }, {image}, out);
    demo.engine().fire_select(image.id(), pixel(5, 3));
    imgr_test::settle(demo.engine());
    CHECK(out.value() == "8:5,3[5,3]");
}

TEST_CASE("SelectData alone, with Progress&, or after const Values& are all accepted") {
    Blocks demo;
    auto radio = demo.add(Radio("pick", {"a", "b"}));
    auto one = demo.add(Textbox("one"));
    auto two = demo.add(Textbox("two"));
    auto three = demo.add(Textbox("three"));
    radio.select([](SelectData at) { return std::to_string(at.index); }, {}, one);
    radio.select([](SelectData at, Progress& progress) {
        progress(0.5);
        return at.value.get<std::string>();
    }, {}, two);
    radio.select([](const Values& values, SelectData at) { return std::to_string(values.size()) + at.value.dump(); },
                 {radio}, three);
    SelectData chosen;
    chosen.index = 1;
    chosen.value = "b";
    demo.engine().fire_select(radio.id(), chosen);
    imgr_test::settle(demo.engine());
    CHECK(one.value() == "1");
    CHECK(two.value() == "b");
    CHECK(three.value() == "1\"b\"");
}

TEST_CASE("a SelectData parameter outside a select event is empty and other events fire no select") {
    Blocks demo;
    auto number = demo.add(Number("n"));
    auto out = demo.add(Textbox("out"));
    auto selects = demo.add(Textbox("selects"));
    number.change([](double n, SelectData at) { return std::to_string((int)n) + " " + std::to_string(at.x); }, {number},
                  out);
    number.select([](SelectData) { return std::string("selected"); }, {}, selects);
    number.set(4);
    imgr_test::settle(demo.engine());
    CHECK(out.value() == "4 -1");
    CHECK(selects.value().empty());
}

TEST_CASE("selections made while a run is going: the newest one runs next (always_last)") {
    Blocks demo;
    auto image = demo.add(Image("image"));
    auto out = demo.add(Textbox("out"));
    std::atomic<int> runs{0};
    image.select([&](SelectData at) {
        ++runs;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return std::to_string(at.x);
    }, {}, out);
    for (int x = 0; x < 5; ++x) demo.engine().fire_select(image.id(), pixel(x, 0));
    imgr_test::settle(demo.engine());
    CHECK(out.value() == "4");
    CHECK(runs <= 2);  // the first, then only the newest of those waiting
}
