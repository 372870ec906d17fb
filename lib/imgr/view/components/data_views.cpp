// The read-only data components: Label (class and confidence bars), JSON
// (a collapsible tree) and Dataframe (a table). Each summarises its value once
// per change, through the widgets' caches, and draws from that.
#include "imgr/view/component_context.h"
#include "imgr/view/widgets/dataframe.h"
#include "imgr/view/widgets/json_tree.h"
#include "imgr/view/widgets/label_bars.h"

namespace imgr {

void draw_label(const ComponentContext& c) {
    auto summary = std::static_pointer_cast<widgets::LabelSummary>(c.cache.widget_state);
    if (!summary || c.value_changed()) {
        const auto& props = std::get<LabelProps>(c.spec().props);
        summary = std::make_shared<widgets::LabelSummary>(
            widgets::summarize_label(std::get<LabelValue>(c.state.spec.value), props.num_top_classes));
        c.cache.widget_state = summary;
    }
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const int clicked = widgets::draw_label_summary(*summary, c.fonts, c.width);
    c.target_widget(top_left, ImVec2(top_left.x + c.width, ImGui::GetItemRectMax().y));
    if (clicked >= 0) {
        // select names the class by its position in the value's confidences, not in the sorted bars.
        const auto& confidences = std::get<LabelValue>(c.state.spec.value).confidences;
        const std::string& name = summary->bars[(size_t)clicked].name;
        int index = clicked;
        for (size_t i = 0; i < confidences.size(); ++i)
            if (confidences[i].first == name) {
                index = (int)i;
                break;
            }
        c.select_item(index, name);
    }
}

void draw_json(const ComponentContext& c) {
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    widgets::draw_json_tree("##json", std::get<Json>(c.state.spec.value), c.fonts);
    c.target_widget(top_left, ImVec2(top_left.x + c.width, ImGui::GetItemRectMax().y));
}

void draw_dataframe(const ComponentContext& c) {
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::PushItemWidth(c.width);
    const TableValue& table = std::get<TableValue>(c.state.spec.value);
    const widgets::TableCell clicked = widgets::draw_dataframe("##table", table, ImGui::GetFontSize() * 20, c.fonts);
    ImGui::PopItemWidth();
    if (clicked.row >= 0) c.select_item(clicked.row, table.rows[(size_t)clicked.row][(size_t)clicked.column], clicked.column);
    c.target_widget(top_left, ImVec2(top_left.x + c.width, ImGui::GetItemRectMax().y));
}

}  // namespace imgr
