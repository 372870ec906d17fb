// Plot: drawn with ImDrawList by the plot widget, its tick labels cached
// beside the component so that a still plot formats nothing per frame.
#include "imgr/view/component_context.h"
#include "imgr/view/widgets/plot.h"

namespace imgr {

void draw_plot(const ComponentContext& c) {
    auto cache = std::static_pointer_cast<widgets::PlotCache>(c.cache.widget_state);
    if (!cache) {
        cache = std::make_shared<widgets::PlotCache>();
        c.cache.widget_state = cache;
    }
    if (c.value_changed()) cache->valid = false;
    const auto& props = std::get<PlotProps>(c.spec().props);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    widgets::draw_plot("##plot", std::get<PlotValue>(c.state.spec.value), ImVec2(c.width, props.height * ImGui::GetFontSize()),
                       c.fonts, cache.get());
    c.target_widget(top_left, ImGui::GetItemRectMax());
}

}  // namespace imgr
