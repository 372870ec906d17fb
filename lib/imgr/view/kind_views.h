// Which function draws each component kind, and what the view does with a
// file or a time for it. The core's kinds are in the table from the start; a
// module adds its own kinds at registration (media/media_module.cpp), so the
// view draws them without knowing them. A kind whose module is not linked is
// drawn as a message naming the module.
#pragma once
#include "imgr/model/io_result.h"
#include "imgr/view/component_context.h"
#include "imgr/view/font_roles.h"

namespace imgr {

struct KindView {
    void (*draw)(const ComponentContext& c) = nullptr;  // the widget, inside the card the view draws
    // The faces beyond regular its widget draws with (baked only when some component needs them).
    // Must follow the widget: a face missing here is null in FontRoles, and the widget then
    // draws with the regular font (or scales it, for a heading).
    FontFaces faces = FontFaces::none();
    // Kinds that play in time (`click "label" at T`): the value's length in seconds, and
    // moving the drawn component's playhead there.
    double (*duration)(const Value& value) = nullptr;
    IoResult (*seek)(const ComponentCache& cache, const Value& value, double seconds) = nullptr;
};

void register_kind_view(ComponentKind kind, KindView view);  // before main(), by a module's registration
const KindView& kind_view(ComponentKind kind);

// An Image's "webcam" source, drawn in place of the image (media/webcam_capture.cpp registers it).
// Returns whether it drew the camera.
using CameraSourceView = bool (*)(const ComponentContext& c, const StringList& sources, ImVec2 box);
void register_camera_source(CameraSourceView view);
CameraSourceView camera_source();  // null: no module gives cameras

// Loads a file into an Image, Audio or Video component as if a person dropped it there:
// the value changes and `upload` fires. A file that cannot be loaded leaves the component
// as it was; the error is shown in the window and returned.
IoResult upload_file(Engine& engine, ComponentId id, const std::string& path);

}  // namespace imgr
