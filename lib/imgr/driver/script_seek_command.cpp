// `click "label" at T`: the pointer goes to time T on a component that plays in
// time (an Audio's waveform) and its playhead moves there (its KindView's seek),
// as a person's click would; a Video's player seeks as its time bar does.
#include "imgr/driver/script_player.h"
#include "imgr/driver/script_player_pace.h"

#include "imgr/view/kind_views.h"

#include <algorithm>

namespace imgr {

using namespace script_pace;

namespace {
constexpr double kSeekPause = 0.12, kAfterSeek = 0.3;
}  // namespace

void ScriptPlayer::play(const ClickTimeCommand& command) {
    const auto id = resolve(command.label);
    if (!id) return;
    const ComponentKind kind = engine().component(*id).spec.kind;
    if (kind == ComponentKind::Video) {
        play_seek(command.label, command.seconds);
        return;
    }
    const KindView& view = kind_view(kind);
    if (!view.seek || !view.duration) {
        fail("cannot click " + quoted(command.label) + " at " + format_number(command.seconds) + " s: it is a " +
             kind_name(kind) + ", which cannot seek (`click LABEL at T` seeks audio and video; `at X Y` clicks an image's pixel)");
        return;
    }
    const double seconds = command.seconds;
    // Seeking changes no value, so an output can be sought too: no wait for it to be interactive.
    steps_.push_back(open_ancestors(*id));
    steps_.push_back(reveal(*id));
    steps_.push_back([this, id = *id, seconds, &view]() {
        // Where T lies on the time line the view drew.
        auto time_point = [this, id, seconds, &view]() {
            const double duration = view.duration(engine().component(id).spec.value);
            const TargetRect box = target(id).widget;
            const double fraction = duration > 0 ? std::clamp(seconds / duration, 0.0, 1.0) : 0.0;
            return ImVec2(box.min.x + (float)fraction * (box.max.x - box.min.x), box.center().y);
        };
        std::vector<StepFn> steps;
        if (reachable(id)) steps.push_back(move_to(time_point));
        steps.push_back(pause(kSeekPause));
        steps.push_back([this, id, seconds, &view]() {
            if (IoResult sought = view.seek(view_.cache(id), engine().component(id).spec.value, seconds); !sought)
                fail("cannot seek " + quoted(engine().component(id).spec.common.label) + ": " + sought.error);
            return Step::Done;
        });
        steps.push_back(pause(kAfterSeek));
        insert_steps(std::move(steps));
        return Step::DoneNow;
    });
}

}  // namespace imgr
