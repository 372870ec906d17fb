#include "imgr/serve/novnc_page.h"

#include "imgr/engine/replay/replay_report.h"  // html_escape

#include <cstdlib>
#include <fstream>
#include <system_error>

namespace imgr::serve {

std::string novnc_index_page(const std::string& title, int rfb_port) {
    // noVNC's own page in a frame: its toolbar (clipboard, keys, scaling) stays,
    // and the tab shows the app's title. Its WebSocket goes to the RFB port,
    // which libvncserver answers as WebSocket too. resize=scale: the app's frame
    // is scaled to the browser's window (the app keeps its --size).
    const std::string port = std::to_string(rfb_port);
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html_escape(title) +
           "</title>\n<style>html,body,iframe{margin:0;padding:0;border:0;width:100%;height:100%;"
           "overflow:hidden;display:block}</style></head>\n<body><iframe src=\"vnc.html?autoconnect=1&amp;"
           "reconnect=1&amp;resize=scale&amp;show_dot=1&amp;path=&amp;port=" +
           port + "\" allow=\"clipboard-read; clipboard-write\"></iframe></body></html>\n";
}

NoVncPage::~NoVncPage() {
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);  // the links, never what they point to
}

std::string NoVncPage::make(const std::string& title, int rfb_port) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(std::filesystem::path(kNoVncDir) / "vnc.html", error))
        return std::string("no browser page: noVNC is not installed (apt-get install novnc; it lives in ") +
               kNoVncDir + ")";
    std::string pattern = (std::filesystem::temp_directory_path(error) / "imgr-serve-XXXXXX").string();
    if (!mkdtemp(pattern.data())) return "no browser page: cannot make a temporary folder";
    dir_ = pattern;
    for (const auto& entry : std::filesystem::directory_iterator(kNoVncDir, error)) {
        std::filesystem::create_symlink(entry.path(), dir_ / entry.path().filename(), error);
        if (error) return "no browser page: cannot link " + entry.path().string() + ": " + error.message();
    }
    std::ofstream index(dir_ / "index.html", std::ios::binary);
    index << novnc_index_page(title, rfb_port);
    if (!index.flush()) return "no browser page: cannot write " + (dir_ / "index.html").string();
    return {};
}

}  // namespace imgr::serve
