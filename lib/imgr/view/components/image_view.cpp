// Image: shown with its aspect kept, zoomed to fit or at 1:1 in a scrolling
// area. As an input, a file dropped on it or a path typed under it is
// uploaded; a file that cannot be read leaves the image as it was.
#include "imgr/view/component_context.h"

#include <imgui_stdlib.h>

#include <algorithm>

#include "imgr/model/image_io.h"

namespace imgr {

bool upload_image_file(Engine& engine, ComponentId id, const std::string& path) {
    ImageLoadResult loaded = load_image_file(path);
    if (!loaded) {
        engine.post(MessageLevel::Error, "cannot load the image " + loaded.error);
        return false;
    }
    engine.set_from_user(id, std::move(loaded.image));
    engine.fire(id, Event::Upload);
    return true;
}

namespace {

// A thin line in the theme's border colour just outside the image, so a white
// image does not merge into a white card.
void frame_last_item() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 1, min.y - 1), ImVec2(max.x + 1, max.y + 1),
                                        ImGui::GetColorU32(ImGuiCol_Border));
}

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

}  // namespace

void draw_image(const ComponentContext& c) {
    const auto& props = std::get<ImageProps>(c.spec().props);
    if (c.cache.seen_version == 0) c.cache.fit = props.fit;  // the declared zoom, until the person toggles it
    const ImageBuffer& image = std::get<ImageBuffer>(c.state.spec.value);
    const float box_height = props.height * ImGui::GetFontSize();
    const ImVec2 box(c.width, box_height);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    if (draw_webcam_source(c, props.sources, box)) return;  // the live camera in place of the image

    if (image.empty() || image.pixel_count() == 0) {
        draw_drop_zone(c, box);
    } else {
        TextureRef texture = c.textures ? c.textures->texture_for(image) : TextureRef{};
        const float w = (float)image.width(), h = (float)image.height();
        if (c.cache.fit) {
            const float scale = std::min(box.x / w, box.y / h);
            const ImVec2 shown(std::max(1.0f, w * scale), std::max(1.0f, h * scale));
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            ImGui::SetCursorScreenPos(ImVec2(origin.x + (box.x - shown.x) * 0.5f, origin.y + (box.y - shown.y) * 0.5f));
            if (texture.id)
                ImGui::Image(texture.id, shown);
            else
                ImGui::Dummy(shown);
            frame_last_item();
            ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + box.y));
            ImGui::Dummy(ImVec2(box.x, 0));
        } else {
            ImGui::BeginChild("##pixels", box, false, ImGuiWindowFlags_HorizontalScrollbar);
            if (texture.id)
                ImGui::Image(texture.id, ImVec2(w, h));
            else
                ImGui::Dummy(ImVec2(w, h));
            ImGui::EndChild();
            frame_last_item();
        }
    }
    c.target_widget(top_left, ImVec2(top_left.x + box.x, top_left.y + box.y));

    // Under the image: its size, the zoom toggle, and for inputs a path field.
    const ImGuiStyle& style = ImGui::GetStyle();
    if (!image.empty()) {
        if (c.value_changed() || c.cache.display.empty())
            c.cache.display = std::to_string(image.width()) + " x " + std::to_string(image.height());
        ImGui::TextDisabled("%s", c.cache.display.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(c.cache.fit ? "1:1" : "Fit")) c.cache.fit = !c.cache.fit;
        if (c.interactive) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Clear")) c.user_set(ImageBuffer{});
        }
    }
    if (c.interactive) {
        const float load_width = ImGui::CalcTextSize("Load").x + style.FramePadding.x * 2;
        ImGui::SetNextItemWidth(c.width - load_width - style.ItemInnerSpacing.x);
        const bool entered = ImGui::InputTextWithHint("##path", "or type an image path and press Enter", &c.cache.text,
                                                      ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine(0, style.ItemInnerSpacing.x);
        const bool clicked = ImGui::Button("Load");
        if ((entered || clicked) && !c.cache.text.empty()) upload_image_file(c.engine, c.id, c.cache.text);
    }
}

}  // namespace imgr
