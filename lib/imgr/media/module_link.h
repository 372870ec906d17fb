// Using Audio or Video registers the media module's kinds: this reference pulls
// the module's registration (media_module.cpp) into the app. An app that uses
// them without linking imgr::media fails to link, and the missing symbol's
// name says what to do: "undefined reference to
// imgr::media_module::link_the_imgr_media_target_to_use_Audio_and_Video".
#pragma once

namespace imgr::media_module {

extern const bool link_the_imgr_media_target_to_use_Audio_and_Video;
// One per file that includes this header; [[gnu::used]] keeps the reference at every optimisation level.
[[gnu::used]] static const bool* const module_linked = &link_the_imgr_media_target_to_use_Audio_and_Video;

}  // namespace imgr::media_module
