// Drawing is the hot path: once caches are warm, a frame of every widget
// must not touch the C++ heap. (ImGui's own buffers use its allocator, not
// operator new, and are not counted.)
#include "support/headless_imgui.h"

#include <doctest/doctest.h>
#include <imgr/view/widgets/color.h>
#include <imgr/view/widgets/dataframe.h>
#include <imgr/view/widgets/json_tree.h>
#include <imgr/view/widgets/label_bars.h>
#include <imgr/view/widgets/markdown.h>
#include <imgr/view/widgets/plot.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
    if (counting) ++allocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
// The nothrow form too (std::stable_sort's buffer uses it): C++ routes it to the
// one above, but ASan replaces each form on its own and would pair its new with this free.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    if (counting) ++allocations;
    return std::malloc(size ? size : 1);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace imgr::widgets;

TEST_CASE("a warm frame of every widget allocates nothing") {
    imgr::test::HeadlessImGui ui;
    imgr::PlotValue plot;
    plot.title = "t";
    imgr::PlotSeries s;
    s.name = "s";
    for (int i = 0; i < 500; ++i) {
        s.x.push_back(i);
        s.y.push_back(i * 0.5);
    }
    plot.series.push_back(s);
    plot.series.push_back(s);
    plot.series[1].style = imgr::PlotSeries::Style::Scatter;
    PlotCache plot_cache;
    MarkdownDocument md("# Title\n\nSome **bold** and [a link](u) text that wraps a few times here.\n\n- item\n\n```\ncode\n```");
    const imgr::Json json = {{"a", {1, 2, 3}}, {"b", "text"}, {"c", 4.5}};
    imgr::TableValue table;
    table.headers = {"x", "y"};
    for (int i = 0; i < 100; ++i) table.rows.push_back({imgr::Json(i), imgr::Json("row")});
    const imgr::LabelValue label({{"cat", 0.7}, {"dog", 0.3}});
    LabelBarsCache label_cache;

    long counted = -1;
    for (int frame = 0; frame < 4; ++frame) {
        ui.mouse(ImVec2(100, 100), false);  // over the plot: the hover path runs too
        ui.frame([&] {
            counting = frame == 3;
            draw_plot("plot", plot, ImVec2(400, 200), {}, &plot_cache);
            md.draw({}, 400);
            draw_json_tree("json", json);
            draw_dataframe("table", table, 150);
            draw_label_summary(label_cache.get(label, -1));
            color_swatch("##c", imgr::Color{1, 0, 0, 1});
            counting = false;
            if (frame == 3) counted = allocations;
        });
    }
    CHECK(counted == 0);
}
