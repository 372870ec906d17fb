// A remote view of an app's window: what the serve module (imgr::serve,
// lib/imgr/serve/) adds to a run with --serve. Registered before main() when
// the module is linked; launch() asks for it and says which target to link when
// it is missing, so the core never loads the VNC library.
#pragma once
#include <functional>
#include <memory>
#include <string>

struct ImGuiIO;

namespace imgr {

class Runner;

struct RemoteViewOptions {
    std::string host;           // the address to listen on (127.0.0.1 unless the command line says otherwise)
    int port = 5900;            // RFB; the browser page is on 6080 or the next free port
    std::string password_file;  // empty: no VNC authentication (loopback only, checked by the command line)
    bool view_only = false;     // viewers' input is ignored
    std::string title;          // the app's title: the desktop name and the browser page's title
    int width = 0, height = 0;  // the first framebuffer size (the window's)
};

class RemoteView {
public:
    virtual ~RemoteView() = default;
    virtual void before_frame(ImGuiIO& io) = 0;      // the viewers' input of this frame into ImGui
    virtual void after_render(Runner& runner) = 0;   // the rendered frame: what changed goes to the viewers
    virtual bool wants_redraw() const = 0;           // viewers' input is still queued for the next frames
};

struct RemoteViewStart {
    std::unique_ptr<RemoteView> view;
    std::string error;  // why it could not start (a port in use, an unreadable password file)
};
// wake: thread-safe, called when a viewer's input arrives (the loop may be asleep).
using RemoteViewFactory = RemoteViewStart (*)(const RemoteViewOptions& options, std::function<void()> wake);

void register_remote_view(RemoteViewFactory factory);
RemoteViewFactory remote_view_factory();  // null when imgr::serve is not linked into the app

}  // namespace imgr
