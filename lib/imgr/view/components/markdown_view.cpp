// Markdown: parsed once per value, laid out and drawn each frame. A clicked
// link is copied to the clipboard (imgr opens nothing by itself) and a toast says so.
#include "imgr/view/component_context.h"
#include "imgr/view/widgets/markdown.h"

namespace imgr {

void draw_markdown(const ComponentContext& c) {
    auto document = std::static_pointer_cast<widgets::MarkdownDocument>(c.cache.widget_state);
    if (!document) {
        document = std::make_shared<widgets::MarkdownDocument>();
        c.cache.widget_state = document;
        c.cache.seen_version = 0;
    }
    if (c.value_changed()) document->parse(std::get<std::string>(c.state.spec.value));
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    if (auto url = document->draw(c.fonts, c.width)) {
        ImGui::SetClipboardText(url->c_str());
        c.engine.post(MessageLevel::Info, "Link copied to the clipboard: " + *url);
    }
    c.target_widget(top_left, ImVec2(top_left.x + c.width, ImGui::GetItemRectMax().y));
}

}  // namespace imgr
