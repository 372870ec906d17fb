#include "imgr/view/components/gallery_view.h"

#include <algorithm>
#include <string>

#include "imgr/model/pixel_values.h"

namespace imgr {

namespace {

GalleryViewState& state_of(const ComponentContext& c) {
    if (!c.cache.widget_state) c.cache.widget_state = std::make_shared<GalleryViewState>();
    return *std::static_pointer_cast<GalleryViewState>(c.cache.widget_state);
}

// An image fitted into a box, drawn through the one image->screen mapping; returns that mapping.
ImageToScreen draw_fitted(const ComponentContext& c, const ImageBuffer& image, ImVec2 min, ImVec2 size) {
    const ImageToScreen t = fit_in_box(min, size, image.width(), image.height());
    TextureRef texture = c.textures && !image.empty() ? c.textures->texture_for(image) : TextureRef{};
    if (texture.id) ImGui::GetWindowDrawList()->AddImage(texture.id, t.to_screen(0, 0), t.to_screen(image.width(), image.height()));
    return t;
}

void draw_caption(const std::string& caption, ImVec2 min, float width) {
    if (caption.empty()) return;
    const ImVec2 size = ImGui::CalcTextSize(caption.c_str());
    const ImVec2 at(min.x + std::max(0.0f, (width - size.x) * 0.5f), min.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(min, ImVec2(min.x + width, min.y + size.y), true);  // a long caption is cut at its cell
    draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), caption.c_str());
    draw->PopClipRect();
}

void draw_enlarged(const ComponentContext& c, GalleryViewState& s, const GalleryValue& value, float height) {
    const GalleryItem& item = value.items[(size_t)s.selected];
    // On an image canvas as every image: the wheel zooms, a drag pans; a click (no drag) goes back to the grid.
    const TextureRef texture = c.textures && !item.image.empty() ? c.textures->texture_for(item.image) : TextureRef{};
    const ImageCanvasResult r = image_canvas("##enlarged", s.viewport,
                                             {texture.id, item.image.width(), item.image.height(), &item.image,
                                              item.image.channels() == 4},
                                             ImVec2(c.width, height));
    s.enlarged_transform = {r.transform.origin, r.transform.scale};
    if (r.clicked) s.enlarged = false;
    s.probe = r.hovered ? std::to_string(r.hovered->x) + ", " + std::to_string(r.hovered->y) + "   " +
                              pixel_values_text(item.image, r.hovered->x, r.hovered->y)
                        : std::string();
    draw_caption(item.caption, ImGui::GetCursorScreenPos(), c.width);
    if (!item.caption.empty()) ImGui::Dummy(ImVec2(c.width, ImGui::GetTextLineHeight()));
    ImGui::TextDisabled("%d / %zu", s.selected + 1, value.items.size());
    ImGui::SameLine();
    if (ImGui::SmallButton("<") && s.selected > 0) --s.selected, ++s.clicks;
    ImGui::SameLine();
    if (ImGui::SmallButton(">") && s.selected + 1 < (int)value.items.size()) ++s.selected, ++s.clicks;
    ImGui::SameLine();
    if (ImGui::SmallButton("Close")) s.enlarged = false;
    ImGui::SameLine();
    if (ImGui::SmallButton("Fit")) zoom_fit(s.viewport);
    ImGui::SameLine();
    if (ImGui::SmallButton("1:1")) zoom_actual_size(s.viewport, r.transform);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", s.probe.c_str());
}

}  // namespace

const GalleryViewState* gallery_state(const ComponentCache& cache) {
    return static_cast<const GalleryViewState*>(cache.widget_state.get());
}

int gallery_selected_index(const ComponentCache& cache) {
    const GalleryViewState* s = gallery_state(cache);
    return s ? s->selected : -1;
}

void draw_gallery(const ComponentContext& c) {
    const auto& props = std::get<GalleryProps>(c.spec().props);
    const auto& value = std::get<GalleryValue>(c.state.spec.value);
    GalleryViewState& s = state_of(c);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    if (s.selected >= (int)value.items.size()) s.selected = -1, s.enlarged = false;  // a new, shorter value
    if (value.items.empty()) {
        ImGui::TextDisabled("No images");
        c.target_widget(top_left, ImVec2(top_left.x + c.width, ImGui::GetCursorScreenPos().y));
        return;
    }
    if (s.enlarged && s.selected >= 0) draw_enlarged(c, s, value, props.height * ImGui::GetFontSize());
    const int columns = std::max(1, props.columns);
    const float gap = ImGui::GetStyle().ItemSpacing.x, caption = ImGui::GetTextLineHeightWithSpacing();
    const float side = std::max(8.0f, (c.width - gap * (float)(columns - 1)) / (float)columns);
    s.cell_min.assign(value.items.size(), ImVec2());
    s.cell_max.assign(value.items.size(), ImVec2());
    for (size_t i = 0; i < value.items.size(); ++i) {
        if (i % (size_t)columns != 0) ImGui::SameLine(0, gap);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        ImGui::PushID((int)i);
        ImGui::InvisibleButton("##thumb", ImVec2(side, side + caption));
        ImGui::PopID();
        if (ImGui::IsItemClicked()) {
            if (s.selected != (int)i) s.viewport = ImageViewport{};  // another image starts fitted
            s.selected = (int)i;
            s.enlarged = true;
            ++s.clicks;
            c.select_item((int)i, value.items[i].caption);  // the select event: index and caption, as Gradio's
        }
        s.cell_min[i] = min;
        s.cell_max[i] = ImVec2(min.x + side, min.y + side + caption);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(min, ImVec2(min.x + side, min.y + side), ImGui::GetColorU32(ImGuiCol_FrameBg));
        draw_fitted(c, value.items[i].image, min, ImVec2(side, side));
        const bool marked = (int)i == s.selected || ImGui::IsItemHovered();
        draw->AddRect(min, ImVec2(min.x + side, min.y + side),
                      ImGui::GetColorU32(marked ? ImGuiCol_ButtonActive : ImGuiCol_Border), 0, 0, marked ? 2.5f : 1.0f);
        draw_caption(value.items[i].caption, ImVec2(min.x, min.y + side + 2), side);
    }
    c.target_widget(top_left, ImVec2(top_left.x + c.width, ImGui::GetCursorScreenPos().y));
}

}  // namespace imgr
