// The folder the page server serves (page_server.h): Debian's noVNC (package
// novnc, /usr/share/novnc) through symbolic links, plus index.html, the page "/" gives:
// titled with the app's title, it shows noVNC's client connected to the RFB
// port. Made in a private temporary folder and removed when the server stops;
// nothing is ever downloaded.
#pragma once
#include <filesystem>
#include <string>

namespace imgr::serve {

inline constexpr const char* kNoVncDir = "/usr/share/novnc";

class NoVncPage {
public:
    NoVncPage() = default;
    NoVncPage(const NoVncPage&) = delete;
    NoVncPage& operator=(const NoVncPage&) = delete;
    ~NoVncPage();

    // Empty on success; otherwise why there is no browser page (novnc not installed).
    std::string make(const std::string& title, int rfb_port);
    const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path dir_;
};

// The page itself (exposed for tests): the title HTML-escaped.
std::string novnc_index_page(const std::string& title, int rfb_port);

}  // namespace imgr::serve
