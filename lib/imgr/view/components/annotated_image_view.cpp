#include "imgr/view/components/annotated_image_view.h"

#include <algorithm>
#include <cstdio>

#include "imgr/model/annotation_palette.h"
#include "imgr/model/pixel_values.h"

namespace imgr {

namespace {

AnnotatedImageViewState& state_of(const ComponentContext& c) {
    if (!c.cache.widget_state) c.cache.widget_state = std::make_shared<AnnotatedImageViewState>();
    return *std::static_pointer_cast<AnnotatedImageViewState>(c.cache.widget_state);
}

// A mask as RGBA in its label's colour, transparent outside: drawn over the image as one texture.
ImageBuffer tinted_mask(const ImageBuffer& mask, ImU32 color) {
    std::vector<uint8_t> rgba(mask.pixel_count() * 4, 0);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x) {
            if (mask.sample(x, y, 0) == 0) continue;
            uint8_t* p = &rgba[((size_t)y * mask.width() + x) * 4];
            p[0] = (uint8_t)(c.x * 255), p[1] = (uint8_t)(c.y * 255), p[2] = (uint8_t)(c.z * 255), p[3] = 110;
        }
    return ImageBuffer(mask.width(), mask.height(), 4, std::move(rgba));
}

// Labels, label indices and mask textures follow the value; made again only when it changed.
void refresh(AnnotatedImageViewState& s, const ComponentContext& c, const AnnotatedImageValue& value,
             const AnnotatedImageProps& props) {
    if (!s.threshold_initialised) s.threshold = props.threshold, s.threshold_initialised = true;
    if (s.built && s.version == c.state.version) return;
    s.built = true;
    s.version = c.state.version;
    s.labels = annotation_labels(value);
    auto index_of = [&](const std::string& label) {
        return (int)(std::find(s.labels.begin(), s.labels.end(), label) - s.labels.begin());
    };
    s.box_label.clear();
    for (const AnnotationBox& box : value.boxes) s.box_label.push_back(index_of(box.label));
    s.mask_label.clear();
    s.mask_overlays.clear();
    for (const AnnotationMask& mask : value.masks) {
        s.mask_label.push_back(index_of(mask.label));
        s.mask_overlays.push_back(tinted_mask(mask.mask, annotation_color((size_t)s.mask_label.back())));
    }
}

// The smallest shown box containing the image point: nested boxes stay reachable.
int box_at(const AnnotatedImageValue& value, const std::vector<int>& shown, ImVec2 p) {
    int best = -1;
    double best_area = 0;
    for (int i : shown) {
        const AnnotationBox& b = value.boxes[(size_t)i];
        if (p.x < b.x0 || p.x > b.x1 || p.y < b.y0 || p.y > b.y1) continue;
        const double area = (b.x1 - b.x0) * (b.y1 - b.y0);
        if (best < 0 || area < best_area) best = i, best_area = area;
    }
    return best;
}

void draw_box_tag(ImDrawList* draw, ImVec2 corner, const AnnotationBox& box, ImU32 color) {
    char text[256];
    std::snprintf(text, sizeof text, "%s %.2g", box.label.c_str(), box.score);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const float pad = 2.0f;
    // Above the box when there is room in the widget, else just inside its top.
    ImVec2 min(corner.x, corner.y - size.y - pad * 2);
    if (min.y < ImGui::GetWindowPos().y) min.y = corner.y;
    draw->AddRectFilled(min, ImVec2(min.x + size.x + pad * 2, min.y + size.y + pad * 2), color);
    draw->AddText(ImVec2(min.x + pad, min.y + pad), IM_COL32_WHITE, text);
}

void draw_overlays(const ComponentContext& c, AnnotatedImageViewState& s, const AnnotatedImageValue& value,
                   const AnnotatedImageProps& props) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImageToScreen& t = s.transform;
    const ImVec2 image_min = t.to_screen(0, 0), image_max = t.to_screen(value.image.width(), value.image.height());
    const int highlighted = s.highlighted_label();
    // Zoomed in, the image reaches past the canvas: everything over it is cut at the canvas.
    draw->PushClipRect(ImVec2(std::max(image_min.x, s.clip_min.x), std::max(image_min.y, s.clip_min.y)),
                       ImVec2(std::min(image_max.x, s.clip_max.x), std::min(image_max.y, s.clip_max.y)), true);
    for (size_t k = 0; k < s.mask_overlays.size(); ++k) {
        TextureRef texture = c.textures ? c.textures->texture_for(s.mask_overlays[k]) : TextureRef{};
        const bool dim = highlighted >= 0 && highlighted != s.mask_label[k];
        if (texture.id) draw->AddImage(texture.id, image_min, image_max, ImVec2(0, 0), ImVec2(1, 1),
                                       IM_COL32(255, 255, 255, dim ? 60 : 255));
    }
    // Box edges are axis-aligned: without anti-aliased fringes an outline is a third of the
    // triangles, which counts with a thousand boxes on a software rasterizer.
    const ImDrawListFlags flags = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedLines;
    for (int i : s.shown_boxes) {
        const AnnotationBox& box = value.boxes[(size_t)i];
        const int label = s.box_label[(size_t)i];
        const bool lit = highlighted == label && (s.hovered_box < 0 || s.hovered_legend >= 0 || s.hovered_box == i);
        const bool dim = highlighted >= 0 && !lit;
        const ImU32 color = annotation_color((size_t)label, dim ? 90 : 255);
        const ImVec2 min = t.to_screen(box.x0, box.y0), max = t.to_screen(box.x1, box.y1);
        if (lit) draw->AddRectFilled(min, max, annotation_color((size_t)label, 50));
        draw->AddRect(min, max, color, 0.0f, 0, lit ? 3.0f : 2.0f);
        if (props.box_labels || lit) draw_box_tag(draw, min, box, color);
    }
    draw->Flags = flags;
    draw->PopClipRect();
}

void draw_legend(AnnotatedImageViewState& s, float width) {
    const float em = ImGui::GetFontSize(), swatch = em * 0.8f, gap = em * 0.35f;
    const float left = ImGui::GetCursorScreenPos().x;
    s.legend_min.assign(s.labels.size(), ImVec2());
    s.legend_max.assign(s.labels.size(), ImVec2());
    s.hovered_legend = -1;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < s.labels.size(); ++i) {
        const ImVec2 text = ImGui::CalcTextSize(s.labels[i].c_str());
        const ImVec2 size(swatch + gap + text.x + gap * 2, std::max(text.y, swatch) + gap);
        // Entries flow left to right and wrap, as words do.
        if (i > 0) {
            ImGui::SameLine(0, gap);
            if (ImGui::GetCursorScreenPos().x + size.x > left + width) ImGui::NewLine();
        }
        const ImVec2 min = ImGui::GetCursorScreenPos();
        ImGui::PushID((int)i);
        ImGui::InvisibleButton("##legend", size);
        ImGui::PopID();
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) s.hovered_legend = (int)i;
        s.legend_min[i] = min;
        s.legend_max[i] = ImVec2(min.x + size.x, min.y + size.y);
        if (hovered) draw->AddRectFilled(min, s.legend_max[i], annotation_color(i, 45), em * 0.2f);
        const float mid = min.y + size.y * 0.5f;
        draw->AddRectFilled(ImVec2(min.x + gap * 0.5f, mid - swatch * 0.5f),
                            ImVec2(min.x + gap * 0.5f + swatch, mid + swatch * 0.5f), annotation_color(i), em * 0.15f);
        draw->AddText(ImVec2(min.x + gap * 1.5f + swatch, mid - text.y * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                      s.labels[i].c_str());
    }
}

void draw_threshold(AnnotatedImageViewState& s, const AnnotatedImageProps& props, float width) {
    const double lowest = 0, highest = props.score_max;
    ImGui::SetNextItemWidth(width);
    ImGui::SliderScalar("##threshold", ImGuiDataType_Double, &s.threshold, &lowest, &highest, "min score %.2f");
    s.slider_min = ImGui::GetItemRectMin();
    s.slider_max = ImGui::GetItemRectMax();
}

}  // namespace

const AnnotatedImageViewState* annotated_image_state(const ComponentCache& cache) {
    return static_cast<const AnnotatedImageViewState*>(cache.widget_state.get());
}

ImU32 annotation_color(size_t label_index, int alpha) {
    const uint32_t rgb = annotation_rgb(label_index);  // the replay report's colours too
    return IM_COL32((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
}

void draw_annotated_image(const ComponentContext& c) {
    const auto& props = std::get<AnnotatedImageProps>(c.spec().props);
    const auto& value = std::get<AnnotatedImageValue>(c.state.spec.value);
    AnnotatedImageViewState& s = state_of(c);
    refresh(s, c, value, props);
    const ImVec2 box(c.width, props.height * ImGui::GetFontSize());
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    s.shown_boxes.clear();
    s.hovered_box = -1;
    if (value.image.empty() || value.image.pixel_count() == 0) {
        ImGui::Dummy(box);
        c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
        const char* text = "No image";
        const ImVec2 size = ImGui::CalcTextSize(text);
        ImGui::GetWindowDrawList()->AddText(ImVec2(top_left.x + (box.x - size.x) * 0.5f, top_left.y + (box.y - size.y) * 0.5f),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
        return;
    }
    // The same canvas as every Image: wheel zoom at the cursor, drag to pan, double-click fits.
    const TextureRef texture = c.textures ? c.textures->texture_for_slot(value.image, (uint64_t)c.id) : TextureRef{};
    ImageViewport& viewport = c.view_links && !props.zoom_link.empty()
                                  ? c.view_links->viewport(props.zoom_link, value.image.width(), value.image.height())
                                  : s.viewport;
    const ImageCanvasResult r = image_canvas("##annotated", viewport,
                                             {texture.id, value.image.width(), value.image.height(), &value.image,
                                              value.image.channels() == 4},
                                             box);
    c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
    c.target_image(r.transform);
    s.transform = {r.transform.origin, r.transform.scale};
    s.clip_min = r.transform.clip_min;
    s.clip_max = r.transform.clip_max;
    for (size_t i = 0; i < value.boxes.size(); ++i)
        if (!props.threshold_slider || value.boxes[i].score >= s.threshold) s.shown_boxes.push_back((int)i);
    if (r.hovered) s.hovered_box = box_at(value, s.shown_boxes, s.transform.to_image(ImGui::GetIO().MousePos));
    s.probe = r.hovered ? std::to_string(r.hovered->x) + ", " + std::to_string(r.hovered->y) + "   " +
                              pixel_values_text(value.image, r.hovered->x, r.hovered->y)
                        : std::string();
    if (r.clicked)
        c.select_pixel(r.clicked->x, r.clicked->y, pixel_values(value.image, r.clicked->x, r.clicked->y));
    // The legend is drawn after the image but read before: its hover from the last frame highlights now.
    draw_overlays(c, s, value, props);
    if (s.hovered_box >= 0) {
        const AnnotationBox& b = value.boxes[(size_t)s.hovered_box];
        ImGui::SetTooltip("%s\nscore %.4g\n(%.0f, %.0f) - (%.0f, %.0f)", b.label.c_str(), b.score, b.x0, b.y0, b.x1, b.y1);
    }
    if (props.show_legend && !s.labels.empty()) draw_legend(s, c.width);
    if (props.threshold_slider) draw_threshold(s, props, c.width);
    // Fit and 1:1 as on an Image, and the probe on a line of its own (kept when empty: the card does not jump).
    if (ImGui::SmallButton("Fit")) zoom_fit(viewport);
    ImGui::SameLine();
    if (ImGui::SmallButton("1:1")) zoom_actual_size(viewport, r.transform);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", s.probe.empty() ? " " : s.probe.c_str());
}

}  // namespace imgr
