// The media module's kinds, apart from drawing and files: Audio and Video's
// traits (model/kinds/kind_traits.h), which media_module.cpp registers.
#pragma once
#include "imgr/model/kinds/kind_traits.h"

namespace imgr::media_kinds {

KindTraits audio();   // audio_kind.cpp
KindTraits video();   // video_kind.cpp

}  // namespace imgr::media_kinds
