#include "imgr/view/components/image_editor_view.h"

#include <imgui_internal.h>  // ActiveIdMouseButton: which button holds the canvas

#include <algorithm>
#include <cmath>
#include <string>

namespace imgr {

namespace {

ImageEditorViewState& state_of(const ComponentContext& c, const ImageEditorProps& props) {
    if (!c.cache.widget_state) c.cache.widget_state = std::make_shared<ImageEditorViewState>();
    auto& state = *std::static_pointer_cast<ImageEditorViewState>(c.cache.widget_state);
    if (!state.started) {
        state.started = true;
        state.size = props.brush_size;
        state.history = EditHistory(props.history);
    }
    return state;
}

PixelRect whole(const ImageBuffer& image) { return {0, 0, image.width(), image.height()}; }

// A value from elsewhere (an upload, a handler, an example) replaces what the view paints on;
// one the view itself sent (the same layers) does not.
void take_engine_value(const ComponentContext& c, ImageEditorViewState& state, const ImageEditorValue& value) {
    if (state.seen_version == c.state.version || state.painting) return;
    state.seen_version = c.state.version;
    const ImageEditorValue& mine = state.working;
    bool same = value.background.same_pixels(mine.background) && value.layers.size() == mine.layers.size();
    for (size_t k = 0; same && k < value.layers.size(); ++k) same = value.layers[k].same_pixels(mine.layers[k]);
    if (same) return;
    if (!value.background.same_pixels(mine.background)) state.history.forget();  // nothing of the old picture comes back
    state.working = value;
    state.dirty = whole(value.background);
}

// The view's layers to the engine: `input` while a stroke goes on, `change` (after input) when done.
void send(const ComponentContext& c, ImageEditorViewState& state, bool stroke_done) {
    if (state.unsent) c.engine.input_from_user(c.id, state.working);
    state.unsent = false;
    state.last_input = ImGui::GetTime();
    state.seen_version = c.state.version;
    if (stroke_done) c.fire(Event::Change);
}

void repaint_composite(ImageEditorViewState& state, const PixelRect& r) {
    update_composite(state.working.composite, state.working.background, state.working.layers, r.x0, r.y0, r.x1, r.y1);
    state.dirty.add(r);
    state.unsent = true;
}

void undo_or_redo(const ComponentContext& c, ImageEditorViewState& state, bool redo) {
    const PixelRect r = redo ? state.history.redo(state.working.layers) : state.history.undo(state.working.layers);
    if (r.empty()) return;
    repaint_composite(state, r);
    send(c, state, true);
}

void clear_layers(const ComponentContext& c, ImageEditorViewState& state) {
    bool any = false;
    for (size_t k = 0; k < state.working.layers.size(); ++k) {
        ImageBuffer& layer = state.working.layers[k];
        const ImageBuffer mask = painted_mask(layer);
        if (std::none_of(mask.u8(), mask.u8() + mask.pixel_count(), [](uint8_t v) { return v != 0; })) continue;
        state.history.begin(layer, k);  // undoable, as a stroke is
        std::fill_n(layer.mutable_u8(), layer.pixel_count() * 4, (uint8_t)0);
        state.history.commit(layer, whole(layer));
        any = true;
    }
    if (!any) return;
    repaint_composite(state, whole(state.working.background));
    send(c, state, true);
    c.fire(Event::Clear);
}

uint32_t brush_rgba(const ImageEditorProps& props, size_t brush) {
    const uint32_t rgb = brush < props.brushes.size() ? props.brushes[brush].rgb : 0;
    return (rgb << 8) | 0xffu;
}

// A button of the tool bar: pressed state shown, a tooltip naming its shortcut, a target for scripts.
bool tool_button(const ComponentContext& c, size_t choice, const char* text, bool selected, const std::string& tip,
                 ImU32 swatch = 0) {
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(text);
    if (selected) ImGui::PopStyleColor();
    if (swatch) {  // the brush's colour as a bar along the button's bottom edge
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x + 2, max.y - 5), ImVec2(max.x - 2, max.y - 1), swatch);
    }
    c.target_choice(choice);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
    ImGui::SameLine();
    return pressed;
}

void draw_tools(const ComponentContext& c, const ImageEditorProps& props, ImageEditorViewState& state) {
    const float right = ImGui::GetCursorScreenPos().x + c.width;  // the card's inner edge: the size slider stops there
    const size_t n = props.brushes.size();
    for (size_t k = 0; k < n; ++k) {
        const EditorBrush& brush = props.brushes[k];
        const std::string text = brush.name + "##brush" + std::to_string(k);
        const std::string tip = "Brush \"" + brush.name + "\"" + (k < 9 ? " (" + std::to_string(k + 1) + ", B)" : std::string(" (B)"));
        const ImU32 colour = IM_COL32((brush.rgb >> 16) & 0xff, (brush.rgb >> 8) & 0xff, brush.rgb & 0xff, 255);
        if (tool_button(c, k, text.c_str(), !state.eraser && state.brush == k, tip, colour)) state.brush = k, state.eraser = false;
    }
    if (tool_button(c, editor_button_choice(n, EditorButton::Eraser), "Eraser", state.eraser, "Eraser (E)")) state.eraser = true;
    ImGui::BeginDisabled(!state.history.can_undo());
    if (tool_button(c, editor_button_choice(n, EditorButton::Undo), "Undo", false, "Undo the last stroke (Ctrl+Z)"))
        undo_or_redo(c, state, false);
    ImGui::EndDisabled();
    ImGui::BeginDisabled(!state.history.can_redo());
    if (tool_button(c, editor_button_choice(n, EditorButton::Redo), "Redo", false, "Redo (Ctrl+Y, Ctrl+Shift+Z)"))
        undo_or_redo(c, state, true);
    ImGui::EndDisabled();
    if (tool_button(c, editor_button_choice(n, EditorButton::Clear), "Clear", false, "Clear every layer (undoable)"))
        clear_layers(c, state);
    // The rest of the line, or a line of its own when little is left.
    const float em = ImGui::GetFontSize();
    if (right - ImGui::GetCursorScreenPos().x < em * 6) ImGui::NewLine();
    ImGui::SetNextItemWidth(std::min(em * 12, right - ImGui::GetCursorScreenPos().x));
    ImGui::SliderFloat("##size", &state.size, 1.0f, 200.0f, "size %.0f px", ImGuiSliderFlags_Logarithmic);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Brush size in image pixels ([ smaller, ] larger)");
}

// The canvas's shortcuts, only while the pointer is over it (so typing elsewhere is never a tool change).
void handle_keys(const ComponentContext& c, const ImageEditorProps& props, ImageEditorViewState& state) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    for (ImWchar ch : io.InputQueueCharacters) {
        if (ch >= '1' && ch <= '9' && (size_t)(ch - '1') < props.brushes.size()) state.brush = (size_t)(ch - '1'), state.eraser = false;
        else if (ch == 'b' || ch == 'B') state.eraser = false;
        else if (ch == 'e' || ch == 'E') state.eraser = true;
        // A step of 1.25x, at least a pixel, so that [ undoes ] at every size.
        else if (ch == '[') state.size = std::max(1.0f, std::min(state.size - 1, std::round(state.size / 1.25f)));
        else if (ch == ']') state.size = std::min(200.0f, std::max(state.size + 1, std::round(state.size * 1.25f)));
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) undo_or_redo(c, state, io.KeyShift);
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) undo_or_redo(c, state, true);
}

// The left button held on the canvas paints from the last point to the pointer.
void paint(const ComponentContext& c, const ImageEditorProps& props, ImageEditorViewState& state, const ImageTransform& t) {
    ImGuiIO& io = ImGui::GetIO();
    const bool left_held = ImGui::IsItemActive() && GImGui->ActiveIdMouseButton == ImGuiMouseButton_Left;
    if (left_held && !state.working.layers.empty()) {
        ImageBuffer& layer = state.working.layers.front();
        const ImVec2 p = t.to_image(ImVec2(io.MousePos.x + 0.5f, io.MousePos.y + 0.5f));
        const bool began = !state.painting;
        if (began) {  // a press paints a dot where it lands
            state.painting = true;
            state.stroke = {};
            state.history.begin(layer, 0);
            state.last = p;
        }
        if (began || p.x != state.last.x || p.y != state.last.y) {
            const BrushDab dab{state.size, brush_rgba(props, state.brush), state.eraser};
            const PixelRect r = paint_segment(layer, state.last.x, state.last.y, p.x, p.y, dab);
            state.stroke.add(r);
            if (!r.empty()) repaint_composite(state, r);
            state.last = p;
        }
        if (state.unsent && ImGui::GetTime() - state.last_input >= kEditorInputSeconds) send(c, state, false);
    } else if (state.painting) {
        state.painting = false;
        state.history.commit(state.working.layers.front(), state.stroke);
        if (!state.stroke.empty()) send(c, state, true);
    }
}

// Under the pointer: a circle as large as the brush at this zoom (dashed grey for the eraser).
void draw_brush_preview(const ImageEditorProps& props, const ImageEditorViewState& state, const ImageTransform& t) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (!t.visible(m)) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float r = std::max(state.size * 0.5f * t.scale, 2.0f);
    const uint32_t rgb = state.eraser ? 0x808080 : (state.brush < props.brushes.size() ? props.brushes[state.brush].rgb : 0);
    const ImVec2 at(m.x + 0.5f, m.y + 0.5f);
    draw->PushClipRect(t.clip_min, t.clip_max, true);
    draw->AddCircle(at, r + 1, IM_COL32(0, 0, 0, 160), 0, 1.0f);
    draw->AddCircle(at, r, IM_COL32((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 255), 0, 1.5f);
    draw->PopClipRect();
}

}  // namespace

ImageEditorViewState* image_editor_state(const ComponentCache& cache) {
    return static_cast<ImageEditorViewState*>(cache.widget_state.get());
}

void draw_image_editor(const ComponentContext& c) {
    const auto& props = std::get<ImageEditorProps>(c.spec().props);
    ImageEditorViewState& state = state_of(c, props);
    take_engine_value(c, state, std::get<ImageEditorValue>(c.state.spec.value));
    const ImVec2 box(c.width, props.height * ImGui::GetFontSize());
    if (c.interactive) draw_tools(c, props, state);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const ImageEditorValue& value = state.working;
    if (value.empty()) {
        ImGui::InvisibleButton("##empty", box);
        ImGui::GetWindowDrawList()->AddRect(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y), ImGui::GetColorU32(ImGuiCol_Border));
        const char* text = c.interactive ? "Drop an image here to paint on it" : "No image";
        const ImVec2 size = ImGui::CalcTextSize(text);
        ImGui::GetWindowDrawList()->AddText(ImVec2(top_left.x + (box.x - size.x) * 0.5f, top_left.y + (box.y - size.y) * 0.5f),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
        c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
        return;
    }
    const ImageBuffer& background = value.background;
    const TextureRef texture = c.textures ? c.textures->texture_for_slot(background, (uint64_t)c.id) : TextureRef{};
    ImageViewport& viewport = c.view_links && !props.zoom_link.empty()
                                  ? c.view_links->viewport(props.zoom_link, background.width(), background.height())
                                  : state.own;
    const ImageCanvasResult r = image_canvas("##canvas", viewport,
                                             {texture.id, background.width(), background.height(), nullptr, true, c.interactive}, box);
    c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));
    c.target_image(r.transform);
    const bool hovered = ImGui::IsItemHovered();
    if (c.interactive) {
        paint(c, props, state, r.transform);
        if (hovered) handle_keys(c, props, state);
    }
    {
        // The layers over the background, each its own texture that painting updates in part.
        ImageOverlay overlay(r.transform);
        for (size_t k = 0; k < state.working.layers.size(); ++k) {
            const void* key = reinterpret_cast<const char*>(&state) + k;  // one texture per layer of this editor
            const TextureRef layer = c.textures ? c.textures->texture_for_painting(key, state.working.layers[k], state.dirty) : TextureRef{};
            if (layer.id) overlay.image(layer.id);
        }
        state.dirty = {};
    }
    if (c.interactive && (hovered || state.painting)) draw_brush_preview(props, state, r.transform);
    if (c.interactive) {
        ImGui::TextDisabled("%d x %d   left: paint  wheel: zoom  right/middle drag: pan", background.width(), background.height());
    }
}

}  // namespace imgr
