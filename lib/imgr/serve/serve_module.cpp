// The serve module's registration: --serve shows the app through the VNC
// server (vnc_server.h) and feeds the viewers' input to ImGui (remote_input.h).
// Runs before main() in every app linked with imgr::serve: the target tells the
// linker to keep this file (-Wl,--undefined=imgr_serve_module_linked), as no
// code of the app refers to it.
#include "imgr/driver/remote_view.h"
#include "imgr/platform/command_line.h"
#include "imgr/platform/runner.h"
#include "imgr/serve/vnc_server.h"

#include <imgui.h>

#include <cstdio>
#include <fstream>

namespace imgr::serve {
namespace {

std::string read_password(const std::string& file, std::string& error) {
    std::ifstream in(file);
    std::string password;
    if (!in || !std::getline(in, password)) {
        error = "cannot read the password file '" + file + "'";
        return {};
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (password.empty()) error = "the password file '" + file + "' has an empty first line";
    return password;
}

std::string host_and_port(const std::string& host, int port) {
    const bool ipv6 = host.find(':') != std::string::npos;
    return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

class ServedView final : public RemoteView {
public:
    explicit ServedView(std::unique_ptr<VncServer> server) : server_(std::move(server)) {}

    void before_frame(ImGuiIO& io) override {
        // The hidden window's clipboard is the viewers': set each frame, after GLFW's backend set its own.
        io.ClipboardUserData = this;
        io.GetClipboardTextFn = [](void* self) { return static_cast<ServedView*>(self)->pasted(); };
        io.SetClipboardTextFn = [](void* self, const char* text) {
            static_cast<ServedView*>(self)->server_->send_clipboard(text ? text : "");
        };
        server_->input().apply(io);
        server_->trace().frame_started();
    }

    // Nobody watching: no frame is read back (an unwatched served app costs what a hidden one does).
    void after_render(Runner& runner) override {
        if (server_->viewers() > 0) {
            server_->trace().frame_drawn();
            server_->trace().frame_marked(server_->show(runner.capture()));
        } else {
            server_->join_finished_viewers();
        }
        int width = 0, height = 0;
        if (server_->take_size_request(width, height)) runner.resize_window(width, height);
    }

    bool wants_redraw() const override { return server_->input().pending(); }

private:
    const char* pasted() {
        pasted_ = server_->clipboard();
        return pasted_.c_str();
    }
    std::unique_ptr<VncServer> server_;
    std::string pasted_;
};

RemoteViewStart start_serving(const RemoteViewOptions& options, std::function<void()> wake) {
    VncServerOptions server_options{.host = options.host, .port = options.port, .view_only = options.view_only,
                                    .title = options.title, .width = options.width, .height = options.height};
    std::string error;
    if (!options.password_file.empty()) {
        server_options.password = read_password(options.password_file, error);
        if (!error.empty()) return {nullptr, error};
    }
    std::unique_ptr<VncServer> server = VncServer::start(server_options, std::move(wake), error);
    if (!server) return {nullptr, error};
    const std::string vnc = host_and_port(options.host, server->port());
    if (server->http_port() > 0)
        std::fprintf(stderr, "imgr: serving on %s (VNC) and http://%s/ (browser)\n", vnc.c_str(),
                     host_and_port(options.host, server->http_port()).c_str());
    else
        std::fprintf(stderr, "imgr: serving on %s (VNC); %s\n", vnc.c_str(), server->page_problem().c_str());
    if (!is_loopback_host(options.host))
        std::fprintf(stderr, "imgr: warning: other machines can reach %s. VNC authentication is not encryption: "
                             "anyone on the way sees the screen and the keys; across networks, serve on 127.0.0.1 "
                             "and use an SSH tunnel (docs/remote.md)\n", vnc.c_str());
    return {std::make_unique<ServedView>(std::move(server)), {}};
}

bool register_serve() {
    register_remote_view(start_serving);
    return true;
}

}  // namespace
}  // namespace imgr::serve

extern "C" {
extern const bool imgr_serve_module_linked;
const bool imgr_serve_module_linked = imgr::serve::register_serve();
}
