// Image: an image canvas (widgets/image_canvas.h: wheel zoom, drag pan, probe,
// select on click) with a bar under it. One-channel images are shown through a
// colour map chosen in the bar. As an input, a file dropped on it or a path typed
// under it is uploaded; a file that cannot be read leaves the image as it was.
#include "imgr/view/component_context.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <optional>

#include "imgr/model/color_map.h"
#include "imgr/model/image_io.h"
#include "imgr/model/pixel_values.h"
#include "imgr/view/kind_views.h"
#include "imgr/view/widgets/image_canvas.h"

namespace imgr {

namespace {

void draw_drop_zone(const ComponentContext& c, ImVec2 size) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    // A dashed outline says "drop here" the way file inputs do.
    const float dash = 8.0f;
    for (float x = min.x; x < max.x; x += dash * 2) {
        draw->AddLine(ImVec2(x, min.y), ImVec2(std::min(x + dash, max.x), min.y), border, 1.5f);
        draw->AddLine(ImVec2(x, max.y), ImVec2(std::min(x + dash, max.x), max.y), border, 1.5f);
    }
    for (float y = min.y; y < max.y; y += dash * 2) {
        draw->AddLine(ImVec2(min.x, y), ImVec2(min.x, std::min(y + dash, max.y)), border, 1.5f);
        draw->AddLine(ImVec2(max.x, y), ImVec2(max.x, std::min(y + dash, max.y)), border, 1.5f);
    }
    const char* text = c.interactive ? "Drop an image here" : "No image";
    const ImVec2 text_size = ImGui::CalcTextSize(text);
    draw->AddText(ImVec2(min.x + (size.x - text_size.x) * 0.5f, min.y + (size.y - text_size.y) * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
    ImGui::Dummy(size);
}

// The view's memory of one Image, kept in its cache across frames.
struct ImageViewState {
    bool started = false;
    ImageViewport own;                       // zoom and pan when not linked
    ColorMap map = ColorMap::Grey;           // one-channel images: chosen in the component
    std::optional<ValueRange> range;         // unset: auto
    ImageBuffer colorized;                   // the one-channel image through map and range
    uint64_t colorized_from = 0;             // the version it was made from
    ColorMap colorized_map = ColorMap::Grey;
    ValueRange colorized_range;
    std::string probe;                       // "x, y  R .. G .. B .." of the pixel under the mouse
    ValueRange auto_range;                   // of the value version auto_range_of (a scan of every pixel)
    uint64_t auto_range_of = 0;
    bool translucent = false;                // some pixel is not opaque (of version translucent_of)
    uint64_t translucent_of = 0;
};

// Whether a checkerboard is needed: an alpha channel that is not 255 (1.0) everywhere, scanned once per value.
bool translucent(ImageViewState& state, const ImageBuffer& image) {
    if (image.channels() != 2 && image.channels() != 4) return false;
    if (state.translucent_of != image.version()) {
        const size_t n = image.pixel_count(), step = (size_t)image.channels();
        bool found = false;
        for (size_t i = step - 1; i < n * step && !found; i += step)
            found = image.type() == PixelType::U8 ? image.u8()[i] != 255 : image.f32()[i] < 1.0f;
        state.translucent = found;
        state.translucent_of = image.version();
    }
    return state.translucent;
}

// The range shown: the declared or chosen one, else the data's, scanned once per new value.
ValueRange range_of(ImageViewState& state, const ImageBuffer& image) {
    if (state.range) return *state.range;
    if (state.auto_range_of != image.version()) {
        state.auto_range = auto_value_range(image);
        state.auto_range_of = image.version();
    }
    return state.auto_range;
}

ImageViewState& view_state(const ComponentContext& c, const ImageProps& props) {
    if (!c.cache.widget_state) c.cache.widget_state = std::make_shared<ImageViewState>();
    auto& state = *std::static_pointer_cast<ImageViewState>(c.cache.widget_state);
    if (!state.started) {
        state.started = true;
        state.own.fit = props.fit;  // the declared zoom, until the person changes it
        state.map = props.color_map;
        state.range = props.value_range;
    }
    return state;
}

}  // namespace

std::optional<ImageViewport> image_own_viewport(const ComponentCache& cache) {
    if (!cache.widget_state) return std::nullopt;
    const auto& state = *std::static_pointer_cast<ImageViewState>(cache.widget_state);
    return state.started ? std::optional<ImageViewport>(state.own) : std::nullopt;
}

void restore_image_viewport(ComponentCache& cache, const ImageProps& props, const ImageViewport& viewport) {
    if (!cache.widget_state) cache.widget_state = std::make_shared<ImageViewState>();
    auto& state = *std::static_pointer_cast<ImageViewState>(cache.widget_state);
    state.started = true;
    state.map = props.color_map;
    state.range = props.value_range;
    state.own = viewport;
}

namespace {

// What is shown for the value: one-channel images through their colour map, made once per change.
const ImageBuffer& shown_image(ImageViewState& state, const ImageBuffer& image) {
    if (image.channels() != 1) return image;
    const ValueRange range = range_of(state, image);
    if (state.colorized_from != image.version() || state.colorized_map != state.map || !(state.colorized_range == range)) {
        state.colorized = colorize(image, state.map, range);
        state.colorized_from = image.version();
        state.colorized_map = state.map;
        state.colorized_range = range;
    }
    return state.colorized;
}

// Under the image: its size, the zoom buttons, a one-channel image's colour map.
void draw_image_bar(const ComponentContext& c, ImageViewState& state, ImageViewport& viewport,
                    const ImageTransform& transform, const ImageBuffer& image) {
    if (c.value_changed() || c.cache.display.empty())
        c.cache.display = std::to_string(image.width()) + " x " + std::to_string(image.height());
    ImGui::TextDisabled("%s", c.cache.display.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Fit")) zoom_fit(viewport);
    ImGui::SameLine();
    if (ImGui::SmallButton("1:1")) zoom_actual_size(viewport, transform);
    if (image.channels() == 1) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("viridis").x + ImGui::GetFrameHeight() * 1.5f);
        if (ImGui::BeginCombo("##colormap", color_map_name(state.map))) {
            for (ColorMap map : {ColorMap::Grey, ColorMap::Viridis, ColorMap::Turbo})
                if (ImGui::Selectable(color_map_name(map), map == state.map)) state.map = map;
            ImGui::EndCombo();
        }
        const ValueRange range = range_of(state, image);
        ImGui::SameLine();
        ImGui::TextDisabled("%.4g .. %.4g", range.low, range.high);
    }
    if (c.interactive) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear")) c.user_set(ImageBuffer{});
    }
    // The probe: a line of its own, kept when empty so that the card does not jump.
    ImGui::TextUnformatted(state.probe.empty() ? " " : state.probe.c_str());
}

}  // namespace

void draw_image(const ComponentContext& c) {
    const auto& props = std::get<ImageProps>(c.spec().props);
    ImageViewState& state = view_state(c, props);
    const ImageBuffer& image = std::get<ImageBuffer>(c.state.spec.value);
    const ImVec2 box(c.width, props.height * ImGui::GetFontSize());
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    if (std::find(props.sources.begin(), props.sources.end(), "webcam") != props.sources.end()) {
        if (CameraSourceView camera = camera_source()) {
            if (camera(c, props.sources, box)) return;  // the live camera in place of the image
        } else if (c.interactive) {
            ImGui::TextDisabled("the webcam source needs the imgr::media module: link the app with imgr::media");
        }
    }

    if (image.empty() || image.pixel_count() == 0) {
        draw_drop_zone(c, box);
        c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
    } else {
        const ImageBuffer& shown = shown_image(state, image);
        const TextureRef texture = c.textures ? c.textures->texture_for_slot(shown, (uint64_t)c.id) : TextureRef{};
        ImageViewport& viewport = c.view_links && !props.zoom_link.empty()
                                      ? c.view_links->viewport(props.zoom_link, image.width(), image.height())
                                      : state.own;
        const bool alpha = translucent(state, image);
        const ImageCanvasResult r =
            image_canvas("##canvas", viewport, {texture.id, image.width(), image.height(), &image, alpha}, box);
        c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
        c.target_image(r.transform);
        state.probe = r.hovered ? std::to_string(r.hovered->x) + ", " + std::to_string(r.hovered->y) + "   " +
                                      pixel_values_text(image, r.hovered->x, r.hovered->y)
                                : std::string();
        if (r.clicked) c.select_pixel(r.clicked->x, r.clicked->y, pixel_values(image, r.clicked->x, r.clicked->y));
        if (props.controls) draw_image_bar(c, state, viewport, r.transform, image);
    }

    // Inputs take a path too; an output's image comes from its handler, not from a person (an output
    // that a flag button or a select handler also reads is still an output).
    const bool output_only = c.state.used_as_output && !c.spec().common.interactive.value_or(false);
    if (c.interactive && !output_only && props.controls) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float load_width = ImGui::CalcTextSize("Load").x + style.FramePadding.x * 2;
        ImGui::SetNextItemWidth(c.width - load_width - style.ItemInnerSpacing.x);
        const bool entered = ImGui::InputTextWithHint("##path", "or type an image path and press Enter", &c.cache.text,
                                                      ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine(0, style.ItemInnerSpacing.x);
        const bool clicked = ImGui::Button("Load");
        if ((entered || clicked) && !c.cache.text.empty()) (void)upload_file(c.engine, c.id, c.cache.text);
    }
}

}  // namespace imgr
