// How many threads libavcodec may use for one decoder or encoder. 0 lets it
// choose (frame threads: what keeps 720p playing in real time on 2 cores).
// Under ThreadSanitizer 1: Debian's libav* is not instrumented, so its atomic
// reference counts look like races between its own threads; with none, TSan
// checks what is imgr's (the player thread against the UI).
#pragma once

namespace imgr {

constexpr int codec_threads() {
#if defined(__SANITIZE_THREAD__)
    return 1;
#else
    return 0;
#endif
}

}  // namespace imgr
