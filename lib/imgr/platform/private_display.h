// A display of the app's own for a hidden window on a machine without one (a
// GPU server, CI): --headless and --serve start Xvfb on a free display number
// when DISPLAY is unset, and stop it when the window closes. Xvfb rather than
// an EGL surfaceless context: GLFW 3.3 (Debian 12) cannot make a context
// without an X11 or Wayland display, so EGL would mean a second platform layer
// (input, clipboard, sizes) beside GLFW's; with Xvfb the code path is the one
// every test runs. docs/remote.md, "No display needed".
#pragma once
#include "imgr/model/io_result.h"

#include <sys/types.h>

namespace imgr {

class PrivateDisplay {
public:
    PrivateDisplay() = default;
    PrivateDisplay(const PrivateDisplay&) = delete;
    PrivateDisplay& operator=(const PrivateDisplay&) = delete;
    ~PrivateDisplay() { stop(); }

    static bool needed();  // no DISPLAY (and no Wayland display) in the environment
    // Starts Xvfb with a screen of at least this size and sets DISPLAY for this process.
    IoResult start(int width, int height);
    void stop();           // ends Xvfb and unsets DISPLAY again

private:
    pid_t pid_ = -1;
};

}  // namespace imgr
