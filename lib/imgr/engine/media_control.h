// What scripts (and tests) ask of a Video component from outside the view,
// through its MediaChannel (media_channel.h): seek it, and whether its player
// still has decoding work pending (`wait idle` covers decoding).
#pragma once
#include "imgr/engine/engine.h"

namespace imgr {

// Asks the component's player to show the frame at `seconds`; false when the component is not a Video.
bool seek_media(Engine& engine, ComponentId id, double seconds);
// No Video component has an open, seek or step still being decoded.
bool media_idle(const Engine& engine);

}  // namespace imgr
