// What the libav*-based files of the model share (video_files.cpp defines the
// functions): error text, quieter logs, and how many threads a codec may use.
#pragma once
#include "imgr/model/sanitizer_build.h"
#include <string>

namespace imgr {

std::string av_error_text(int code);  // av_strerror's text for a libav* error code
void quiet_libav_logs();              // errors only: libx264's per-file statistics are not imgr's to print

// How many threads libavcodec may use for one decoder or encoder. 0 lets it
// choose (frame threads: what keeps 720p playing in real time on 2 cores).
// Under ThreadSanitizer 1: Debian's libav* is not instrumented, so its atomic
// reference counts look like races between its own threads; with none, TSan
// checks what is imgr's (the player thread against the UI).
constexpr int codec_threads() {
#if defined(IMGR_THREAD_SANITIZER)
    return 1;
#else
    return 0;
#endif
}

}  // namespace imgr
