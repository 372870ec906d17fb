#include "support/headless_imgui.h"

#include <doctest/doctest.h>
#include <imgr/view/widgets/plot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

using imgr::PlotSeries;
using imgr::PlotValue;
using namespace imgr::widgets;
using imgr::test::HeadlessImGui;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::string tick_label(double value, double step) {
    char buffer[48];
    const int n = format_tick(value, step, buffer, sizeof buffer);
    return std::string(buffer, (size_t)n);
}

// Every vertex lies in [min, max] (with half a pixel for rounding).
bool all_inside(const std::vector<ImDrawVert>& vertices, ImVec2 min, ImVec2 max) {
    for (const ImDrawVert& v : vertices)
        if (v.pos.x < min.x - 0.5f || v.pos.y < min.y - 0.5f || v.pos.x > max.x + 0.5f || v.pos.y > max.y + 0.5f)
            return false;
    return true;
}

PlotSeries line(std::vector<double> x, std::vector<double> y, std::string name = "") {
    PlotSeries s;
    s.name = std::move(name);
    s.x = std::move(x);
    s.y = std::move(y);
    return s;
}
}  // namespace

TEST_CASE("nice ticks are multiples of 1, 2 or 5 x 10^k, as many as allowed") {
    CHECK(nice_ticks(0, 10, 6) == std::vector<double>{0, 2, 4, 6, 8, 10});
    CHECK(nice_ticks(0, 10, 11) == std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    CHECK(nice_ticks(0, 1, 5) == std::vector<double>{0, 0.5, 1});
    CHECK(nice_ticks(-3.7, 12.2, 8) == std::vector<double>{-2, 0, 2, 4, 6, 8, 10, 12});
    CHECK(nice_ticks(0, 100, 3) == std::vector<double>{0, 50, 100});
    CHECK(nice_step(0, 10, 6) == 2);
}

TEST_CASE("nice ticks are exact decimals, not accumulated rounding") {
    // 3 * 0.1 is 0.30000000000000004; the ticks are the literals.
    CHECK(nice_ticks(0, 0.3, 4) == std::vector<double>{0, 0.1, 0.2, 0.3});
    CHECK(nice_ticks(-0.25, 0.25, 6) == std::vector<double>{-0.2, -0.1, 0, 0.1, 0.2});
    const std::vector<double> ticks = nice_ticks(-1, 1, 5);
    REQUIRE(ticks.size() == 5);
    CHECK_FALSE(std::signbit(ticks[2]));  // zero, not -0
}

TEST_CASE("nice ticks handle reversed, degenerate and invalid ranges") {
    CHECK(nice_ticks(10, 0, 6) == nice_ticks(0, 10, 6));
    CHECK(nice_ticks(3.5, 3.5, 5) == std::vector<double>{3.5});
    CHECK(nice_ticks(kNaN, 1, 5).empty());
    CHECK(nice_ticks(0, kInf, 5).empty());
    CHECK(nice_ticks(0, 1, 0).empty());
    CHECK(nice_step(1, 1, 5) == 0);
    CHECK(nice_ticks(1e9, 5e9, 5) == std::vector<double>{1e9, 2e9, 3e9, 4e9, 5e9});
    CHECK(nice_ticks(1e-9, 5e-9, 5).size() == 5);
}

TEST_CASE("nice ticks never exceed max_ticks and always lie inside the range") {
    const double ranges[][2] = {{0, 1}, {-7.3, 2.1}, {0.001, 0.0173}, {123456, 123999}, {-1e6, 3e7}, {0.5, 0.7}};
    for (const auto& r : ranges) {
        for (int max_ticks = 1; max_ticks <= 12; ++max_ticks) {
            CAPTURE(r[0]);
            CAPTURE(r[1]);
            CAPTURE(max_ticks);
            const std::vector<double> ticks = nice_ticks(r[0], r[1], max_ticks);
            CHECK(!ticks.empty());
            CHECK((int)ticks.size() <= max_ticks);
            const double step = nice_step(r[0], r[1], max_ticks);
            const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
            CHECK((std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 || std::fabs(mantissa - 5) < 1e-9));
            for (size_t i = 0; i < ticks.size(); ++i) {
                CHECK(ticks[i] >= r[0] - step * 1e-6);
                CHECK(ticks[i] <= r[1] + step * 1e-6);
                if (i > 0) CHECK(ticks[i] - ticks[i - 1] == doctest::Approx(step));
            }
        }
    }
}

TEST_CASE("tick labels show the decimals the step needs") {
    CHECK(tick_label(0.5, 0.5) == "0.5");
    CHECK(tick_label(0.3, 0.1) == "0.3");
    CHECK(tick_label(200, 100) == "200");
    CHECK(tick_label(-2, 1) == "-2");
    CHECK(tick_label(0, 0.02) == "0.00");
    CHECK(tick_label(-0.0, 0.5) == "0.0");
    CHECK(tick_label(0, 1e6) == "0");
    CHECK(tick_label(0.04, 0.02) == "0.04");
    CHECK(tick_label(1.5e6, 5e5) == "1.5e+06");
    CHECK(tick_label(2e-6, 1e-6) == "2e-06");
}

TEST_CASE("data bounds skip NaN and infinite points, view bounds add a margin") {
    PlotValue v;
    v.series.push_back(line({0, 1, kNaN, 3, 4}, {5, kInf, 7, -2, 1}));
    v.series.push_back(line({10, 11}, {0}));  // y shorter than x: only the pair counts
    const auto b = plot_data_bounds(v);
    REQUIRE(b);
    CHECK(*b == PlotBounds{0, 10, -2, 5});
    const PlotBounds view = plot_view_bounds(*b);
    CHECK(view.x_min == doctest::Approx(-0.5));
    CHECK(view.x_max == doctest::Approx(10.5));

    const PlotBounds single = plot_view_bounds(PlotBounds{2, 2, 0, 0});
    CHECK(single.x_min < 2);
    CHECK(single.x_max > 2);
    CHECK((single.x_min + single.x_max) / 2 == doctest::Approx(2));
    CHECK(single.y_min < 0);
    CHECK(single.y_max > 0);

    PlotValue nan_only;
    nan_only.series.push_back(line({kNaN, 1}, {1, kNaN}));
    CHECK_FALSE(plot_data_bounds(nan_only));
    CHECK_FALSE(plot_data_bounds(PlotValue{}));
}

TEST_CASE("series colours: the series' own, else the palette by position") {
    PlotSeries s;
    CHECK(plot_series_rgb(s, 0) == plot_palette_rgb(0));
    CHECK(plot_series_rgb(s, 1) != plot_series_rgb(s, 0));
    CHECK(plot_palette_rgb(10) == plot_palette_rgb(0));
    s.color = 0x123456;
    CHECK(plot_series_rgb(s, 3) == 0x123456u);
}

TEST_CASE("a plot draws inside its rectangle, NaN-only data draws like no data") {
    HeadlessImGui ui;
    PlotValue data;
    data.title = "Loss";
    data.x_label = "epoch";
    data.y_label = "loss";
    data.series.push_back(line({0, 1, 2, 3, 4}, {1.0, 0.6, kNaN, 0.3, 0.25}, "train"));
    PlotSeries points = line({0, 2, 4}, {0.9, 0.5, 0.4}, "val");
    points.style = PlotSeries::Style::Scatter;
    points.color = 0xff0000;
    data.series.push_back(points);

    PlotValue empty;
    empty.title = "Loss";
    PlotValue nan_only = empty;
    nan_only.series.push_back(line({kNaN, 1, kInf}, {0, kNaN, 2}, "bad"));

    std::vector<ImDrawVert> with_data, without_data, with_nan;
    ImVec2 rect_min, rect_max;
    PlotCache cache;
    ui.frame([&] {
        with_data = imgr::test::vertices_added([&] { draw_plot("data", data, ImVec2(400, 170), {}, &cache); });
        rect_min = ImGui::GetItemRectMin();
        rect_max = ImGui::GetItemRectMax();
        without_data = imgr::test::vertices_added([&] { draw_plot("empty", empty, ImVec2(400, 170)); });
        with_nan = imgr::test::vertices_added([&] { draw_plot("nan", nan_only, ImVec2(400, 170)); });
    });
    CHECK(rect_max.x - rect_min.x == doctest::Approx(400));
    CHECK(rect_max.y - rect_min.y == doctest::Approx(170));
    CHECK(all_inside(with_data, rect_min, rect_max));
    CHECK(with_data.size() > without_data.size() + 100);
    // No series vertex for NaN-only data: exactly the frame, title and "no data".
    CHECK(with_nan.size() == without_data.size());

    // The series colour reached the draw list.
    const ImU32 red = IM_COL32(255, 0, 0, 255);
    CHECK(std::any_of(with_data.begin(), with_data.end(), [&](const ImDrawVert& v) { return v.col == red; }));
    CHECK(cache.valid);
    CHECK(cache.y.values.size() >= 2);
    CHECK(cache.y.label(0) == tick_label(cache.y.values[0], cache.y.step));
}

TEST_CASE("the cache keeps formatted ticks while the bounds stay, and follows when they change") {
    HeadlessImGui ui;
    PlotValue v;
    v.series.push_back(line({0, 10}, {0, 1}));
    PlotCache cache;
    ui.frame([&] { draw_plot("p", v, ImVec2(300, 200), {}, &cache); });
    const std::vector<double> first_x = cache.x.values;
    const char* text_before = cache.x.text.data();
    ui.frame([&] { draw_plot("p", v, ImVec2(300, 200), {}, &cache); });
    CHECK(cache.x.values == first_x);
    CHECK(cache.x.text.data() == text_before);  // not rebuilt

    v.series[0].x = {0, 1000};
    ui.frame([&] { draw_plot("p", v, ImVec2(300, 200), {}, &cache); });
    CHECK(cache.x.values != first_x);
    CHECK(cache.x.values.back() >= 500);
}

TEST_CASE("a long line series is thinned to a bounded number of vertices") {
    HeadlessImGui ui;
    PlotValue v;
    PlotSeries s;
    for (int i = 0; i < 200000; ++i) {
        s.x.push_back(i);
        s.y.push_back(std::sin(i * 0.01) + (i % 7) * 0.01);
    }
    v.series.push_back(std::move(s));
    std::vector<ImDrawVert> vertices;
    ImVec2 rect_min, rect_max;
    ui.frame([&] {
        vertices = imgr::test::vertices_added([&] { draw_plot("big", v, ImVec2(500, 300)); });
        rect_min = ImGui::GetItemRectMin();
        rect_max = ImGui::GetItemRectMax();
    });
    CHECK(vertices.size() > 1000);   // the curve is there
    CHECK(vertices.size() < 30000);  // but not 200 000 points' worth: 16-bit indices stay valid
    CHECK(all_inside(vertices, rect_min, rect_max));
}

TEST_CASE("hovering shows the nearest point") {
    HeadlessImGui ui;
    PlotValue v;
    v.series.push_back(line({0, 10}, {0, 10}, "corners"));
    PlotSeries centre = line({5}, {5}, "centre");
    centre.style = PlotSeries::Style::Scatter;
    v.series.push_back(centre);

    ImVec2 rect_min, rect_max;
    PlotHover hover;
    ui.frame([&] {
        hover = draw_plot("p", v, ImVec2(400, 300));
        rect_min = ImGui::GetItemRectMin();
        rect_max = ImGui::GetItemRectMax();
    });
    CHECK(hover.series == -1);  // the mouse is elsewhere
    ui.mouse((rect_min + rect_max) * 0.5f, false);
    ui.frame([&] { hover = draw_plot("p", v, ImVec2(400, 300)); });
    ui.frame([&] { hover = draw_plot("p", v, ImVec2(400, 300)); });
    CHECK(hover.series == 1);
    CHECK(hover.index == 0);
    ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
    REQUIRE(tooltip != nullptr);
    CHECK(tooltip->Active);
}
