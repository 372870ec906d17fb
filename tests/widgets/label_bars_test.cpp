#include "support/headless_imgui.h"

#include <doctest/doctest.h>
#include <imgr/view/widgets/label_bars.h>

#include <cmath>

using imgr::LabelValue;
using namespace imgr::widgets;
using imgr::test::HeadlessImGui;

namespace {
std::vector<std::string> names(const LabelSummary& s) {
    std::vector<std::string> out;
    for (const LabelBar& b : s.bars) out.push_back(b.name);
    return out;
}
const LabelValue kScores({{"dog", 0.2}, {"cat", 0.7}, {"fox", 0.05}, {"owl", 0.05}});
}  // namespace

TEST_CASE("bars are sorted by confidence, highest first, ties in their given order") {
    const LabelSummary s = summarize_label(kScores);
    CHECK(s.top == "cat");
    CHECK(names(s) == std::vector<std::string>{"cat", "dog", "fox", "owl"});
    CHECK(s.bars[0].percent == "70%");
    CHECK(s.bars[1].percent == "20%");
    CHECK(s.bars[2].percent == "5%");
    CHECK(s.bars[0].confidence == 0.7);
}

TEST_CASE("num_top_classes limits the bars, not the top label") {
    CHECK(names(summarize_label(kScores, 2)) == std::vector<std::string>{"cat", "dog"});
    CHECK(summarize_label(kScores, -1).bars.size() == 4);
    CHECK(summarize_label(kScores, 10).bars.size() == 4);
    const LabelSummary none = summarize_label(kScores, 0);
    CHECK(none.bars.empty());
    CHECK(none.top == "cat");
}

TEST_CASE("an explicit label wins, NaN sorts last, percentages round") {
    LabelValue v({{"a", std::nan("")}, {"b", 0.996}, {"c", 0.004}, {"d", -0.001}});
    v.label = "chosen";
    const LabelSummary s = summarize_label(v);
    CHECK(s.top == "chosen");
    CHECK(names(s) == std::vector<std::string>{"b", "c", "d", "a"});
    CHECK(s.bars[0].percent == "100%");
    CHECK(s.bars[1].percent == "0%");
    CHECK(s.bars[2].percent == "0%");  // not "-0%"
    CHECK(s.bars[3].percent == "-");
    CHECK(summarize_label(LabelValue("just a class")).top == "just a class");
    CHECK(summarize_label(LabelValue{}).top.empty());
}

TEST_CASE("the cache recomputes only when the value or the limit changes") {
    LabelBarsCache cache;
    const LabelSummary* first = &cache.get(kScores, 3);
    const std::string* top_data = &first->bars[0].name;
    CHECK(cache.get(kScores, 3).bars.size() == 3);
    CHECK(&cache.get(kScores, 3).bars[0].name == top_data);  // same storage: nothing rebuilt
    CHECK(cache.get(kScores, 1).bars.size() == 1);
    LabelValue changed = kScores;
    changed.confidences[2].second = 0.9;
    CHECK(cache.get(changed, 1).bars[0].name == "fox");
}

TEST_CASE("drawing: the top label and one row per bar") {
    HeadlessImGui ui;
    const LabelSummary three = summarize_label(kScores, 3), one = summarize_label(kScores, 1);
    ImVec2 size3, size1;
    std::vector<ImDrawVert> vertices;
    ui.frame([&] {
        vertices = imgr::test::vertices_added([&] { draw_label_summary(three, {}, 300); });
        size3 = ImGui::GetItemRectSize();
        draw_label_summary(one, {}, 300);
        size1 = ImGui::GetItemRectSize();
    });
    CHECK(size3.x == doctest::Approx(300));
    CHECK(size3.y > size1.y);
    const ImU32 accent = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
    CHECK(std::count_if(vertices.begin(), vertices.end(), [&](const ImDrawVert& v) { return v.col == accent; }) > 0);
}
