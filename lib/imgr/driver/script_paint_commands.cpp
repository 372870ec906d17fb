// An ImageEditor driven as a person drives it: `brush` and `undo` click its tool
// buttons, `paint` and `erase` choose the tool by its button, then drag the
// pointer through the stroke's pixels where the view drew them (at any zoom and
// pan). The brush size is given to the size field directly, as a typed value.
#include "imgr/driver/script_player.h"
#include "imgr/driver/script_player_pace.h"

#include <imgui_internal.h>  // the view's window: what is on screen

#include <algorithm>

#include "imgr/view/components/image_editor_view.h"

namespace imgr {

using namespace script_pace;

namespace {
std::string quote(const std::string& text) { return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace); }
}  // namespace

ScriptPlayer::StepFn ScriptPlayer::click_tool(ComponentId id, size_t choice, std::string what, std::function<bool()> done,
                                              std::function<void()> instead) {
    auto button = [this, id, choice] {  // empty when not drawn this frame
        const ComponentTargets& t = target(id);
        return ActionTargets::drawn_now(t.choices_frame) && choice < t.choices.size() ? t.choices[choice] : TargetRect{};
    };
    return click_component(id, {.aim = [button] { return button().center(); },
                                 .on_it = [button](ImVec2 p) { return button().contains(p); },
                                 .y_span = [button] { return ImVec2(button().min.y, button().max.y); },
                                 .instead = [this, instead]() -> StepFn {
                                     return [this, instead]() {
                                         missed("the editor's tool button was not on screen");
                                         instead();
                                         return Step::Done;
                                     };
                                 },
                                 .what = std::move(what),
                                 .done = std::move(done)});
}

void ScriptPlayer::play(const BrushCommand& command) {
    const auto id = resolve_kind(command.label, ComponentKind::ImageEditor, "brush", "not an ImageEditor");
    if (!id) return;
    const auto& brushes = std::get<ImageEditorProps>(engine().component(*id).spec.props).brushes;
    const auto found = std::find_if(brushes.begin(), brushes.end(), [&](const EditorBrush& b) { return b.name == command.name; });
    if (found == brushes.end()) {
        std::string names;
        for (const EditorBrush& b : brushes) names += (names.empty() ? "" : ", ") + quote(b.name);
        fail("no brush of " + quote(command.label) + " is named " + quote(command.name) + " (its brushes are " + names + ")");
        return;
    }
    const size_t k = (size_t)(found - brushes.begin());
    approach(*id, "brush");
    steps_.push_back([this, id = *id, k, command]() {
        ImageEditorViewState* state = image_editor_state(view_.cache(id));
        auto done = [state, k] { return state && state->brush == k && !state->eraser; };
        insert_steps({click_tool(id, k, "brush " + quote(command.label) + " " + quote(command.name), done,
                                 [state, k] { if (state) state->brush = k, state->eraser = false; }),
                      pause(kAfterAction)});
        return Step::DoneNow;
    });
}

void ScriptPlayer::play(const UndoCommand& command) {
    const auto id = resolve_kind(command.label, ComponentKind::ImageEditor, "undo", "not an ImageEditor");
    if (!id) return;
    approach(*id, "undo");
    steps_.push_back([this, id = *id, command]() {
        ImageEditorViewState* state = image_editor_state(view_.cache(id));
        if (!state || !state->history.can_undo()) {
            fail("cannot undo " + quote(command.label) + ": it has nothing to undo");
            return Step::DoneNow;
        }
        const size_t brushes = std::get<ImageEditorProps>(engine().component(id).spec.props).brushes.size();
        const size_t steps = state->history.steps();
        insert_steps({click_tool(id, editor_button_choice(brushes, EditorButton::Undo), "undo " + quote(command.label),
                                 [state, steps] { return state->history.steps() < steps; },
                                 [this, id] { fail("cannot undo: the Undo button of component " + std::to_string(id) + " was not on screen"); }),
                      pause(kAfterAction), frames(1)});
        return Step::DoneNow;
    });
}

void ScriptPlayer::play(const PaintCommand& command) {
    const char* verb = command.erase ? "erase" : "paint";
    const auto id = resolve_kind(command.label, ComponentKind::ImageEditor, verb, "not an ImageEditor");
    if (!id) return;
    approach(*id, verb);
    steps_.push_back([this, id = *id, command, verb]() {
        ImageEditorViewState* state = image_editor_state(view_.cache(id));
        const ComponentTargets& t = target(id);
        if (!state || !t.image || !ActionTargets::drawn_now(t.image_frame)) {
            fail(std::string("cannot ") + verb + " on " + quote(command.label) + ": it shows no image");
            return Step::DoneNow;
        }
        for (const auto& [x, y] : command.points)
            if (x >= t.image->image_width || y >= t.image->image_height) {
                fail(std::string("cannot ") + verb + " on " + quote(command.label) + " at " + std::to_string(x) + " " +
                     std::to_string(y) + ": outside the " + std::to_string(t.image->image_width) + "x" +
                     std::to_string(t.image->image_height) + " image");
                return Step::DoneNow;
            }
        std::vector<StepFn> steps;
        // The tool first, by its button: the eraser, or back to the brush in use.
        const size_t brushes = std::get<ImageEditorProps>(engine().component(id).spec.props).brushes.size();
        if (command.erase != state->eraser) {
            const size_t choice = command.erase ? editor_button_choice(brushes, EditorButton::Eraser) : state->brush;
            auto done = [state, erase = command.erase] { return state->eraser == erase; };
            steps.push_back(click_tool(id, choice, std::string(verb) + " " + quote(command.label) + " (its tool)", done,
                                       [state, erase = command.erase] { state->eraser = erase; }));
        }
        steps.push_back([state, size = (float)command.size]() {
            state->size = size;
            return Step::Done;
        });
        auto at = [this, id](std::pair<int, int> p) {
            return [this, id, p] {
                const std::optional<ImageTransform>& image = target(id).image;
                return image ? image->mouse_for({p.first, p.second}) : ImVec2(-1, -1);
            };
        };
        auto y_span = [this, id, points = command.points] {  // the stroke's rows on screen, a line of room around
            const std::optional<ImageTransform>& image = target(id).image;
            if (!image) return ImVec2(0, 0);
            float top = 1e9f, bottom = -1e9f;
            for (const auto& [x, y] : points) {
                top = std::min(top, image->mouse_for({x, y}).y);
                bottom = std::max(bottom, image->mouse_for({x, y}).y);
            }
            return ImVec2(top - ImGui::GetFontSize(), bottom + ImGui::GetFontSize());
        };
        steps.push_back(scroll_into_view(y_span));
        steps.push_back(move_to(at(command.points.front())));
        steps.push_back(pause(kHoverPause));
        // Every point where the pointer can press it: inside the canvas and the view's window.
        steps.push_back([this, id, command, verb, at]() {
            const ImGuiWindow* window = view_.targets().window();
            for (const auto& p : command.points) {
                const ImVec2 m = at(p)();
                if (!target(id).image->visible(m) || (window && !window->InnerClipRect.Contains(m))) {
                    fail(std::string("cannot ") + verb + " on " + quote(command.label) + " at " + std::to_string(p.first) + " " +
                         std::to_string(p.second) + ": that pixel is not on screen (zoom out or pan first)");
                    return Step::DoneNow;
                }
            }
            return Step::DoneNow;
        });
        const uint64_t fired = t.fired;
        steps.push_back(set_button(true));
        steps.push_back(frames(1));
        for (size_t i = 1; i < command.points.size(); ++i) {
            steps.push_back(move_to(at(command.points[i]), options_.fast ? -1 : 0.25));
            steps.push_back(frames(1));  // the view paints each segment in a frame of its own
        }
        steps.push_back(set_button(false));
        steps.push_back(frames(1));
        steps.push_back([this, id, command, verb, fired]() {  // the stroke ended on the canvas: change fired
            if (target(id).fired <= fired)
                fail(std::string("cannot ") + verb + " on " + quote(command.label) + ": the drag did not paint (something else took the press)");
            return Step::DoneNow;
        });
        steps.push_back(pause(kAfterAction));
        insert_steps(std::move(steps));
        return Step::DoneNow;
    });
}

}  // namespace imgr
