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
    widgets::draw_label_summary(*summary, c.fonts, c.width);
    c.target_widget(top_left, ImVec2(top_left.x + c.width, ImGui::GetItemRectMax().y));
}

void draw_json(const ComponentContext& c) {
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    widgets::draw_json_tree("##json", std::get<Json>(c.state.spec.value), c.fonts);
    c.target_widget(top_left, ImVec2(top_left.x + c.width, ImGui::GetItemRectMax().y));
}

void draw_dataframe(const ComponentContext& c) {
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::PushItemWidth(c.width);
    widgets::draw_dataframe("##table", std::get<TableValue>(c.state.spec.value), ImGui::GetFontSize() * 20, c.fonts);
    ImGui::PopItemWidth();
    c.target_widget(top_left, ImVec2(top_left.x + c.width, ImGui::GetItemRectMax().y));
}

}  // namespace imgr
