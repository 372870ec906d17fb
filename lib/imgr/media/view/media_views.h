// The media module's drawing functions, registered for their kinds by
// media_module.cpp (the core's view finds them through kind_views.h).
#pragma once
#include "imgr/view/component_context.h"

namespace imgr {

void draw_audio(const ComponentContext& c);
void draw_video(const ComponentContext& c);
// An Image with the "webcam" source: a File/Webcam switch; in webcam mode a camera picker,
// the live picture and Capture (the still becomes the value, as an upload). Returns whether it
// drew the camera (the image itself is then not drawn). No camera: says so, nothing else changes.
bool draw_webcam_source(const ComponentContext& c, const StringList& sources, ImVec2 box);

}  // namespace imgr
