// The reader for folders someone else wrote (model/folder_reader.h) and the
// quoting of what they hold (model/quoted_text.h, model/untrusted_json.h):
// names that leave the folder, symlinks out, FIFOs, devices, sockets and
// files over the limit are refused; messages quote, never dump.
#include <doctest/doctest.h>
#include <imgr/model/folder_reader.h>
#include <imgr/model/quoted_text.h>
#include <imgr/model/untrusted_json.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace imgr;

namespace {

// A folder DIR with a file inside, and a secret beside it (outside DIR).
struct Layout {
    fs::path root;
    fs::path dir;
    Layout() {
        char name[] = "/tmp/imgr_folder_reader_XXXXXX";
        root = ::mkdtemp(name);
        dir = root / "flagged";
        fs::create_directories(dir / "im");
        std::ofstream(dir / "im" / "0.png") << "inside";
        std::ofstream(root / "secret.txt") << "AWS_SECRET_ACCESS_KEY=abc";
        fs::create_directories(root / "elsewhere");
        std::ofstream(root / "elsewhere" / "x.png") << "outside";
    }
    ~Layout() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
};

void check_refused(const BeneathRead& read, const std::string& message) {
    CHECK_FALSE(read.ok());
    CHECK(read.refused);
    CHECK(read.content.empty());
    CHECK(read.error == message);
}

// Both ways open: openat2 and the fallback for kernels without it.
template <class Open>
void check_confinement(const Layout& l, Open open) {
    CHECK(open(l.dir, "im/0.png").ok());
    CHECK(open(l.dir, "./im/../im/0.png").ok());  // ".." that stays inside is fine
    for (const std::string name : {"/etc/passwd", "../secret.txt", "im/../../secret.txt", "../../../../etc/passwd",
                                   "link_out", "linked_folder/x.png", "abs_link"}) {
        CAPTURE(name);
        const BeneathFile file = open(l.dir, name);
        CHECK_FALSE(file.ok());
        CHECK(file.refused);
        CHECK(file.error == "\"" + name + "\" is outside the flagged folder");
        CHECK(file.fd() < 0);
    }
    const BeneathFile fifo = open(l.dir, "fifo");  // would block forever in open() without O_NONBLOCK
    CHECK(fifo.refused);
    CHECK(fifo.error == "\"fifo\" is not a regular file (a FIFO)");
    CHECK(open(l.dir, "im").error == "\"im\" is not a regular file (a folder)");
    CHECK(open(l.dir, "socket").error == "\"socket\" is not a regular file (a socket or a device)");
    const BeneathFile missing = open(l.dir, "im/7.png");
    CHECK_FALSE(missing.refused);
    CHECK(missing.os_error == ENOENT);
    CHECK(missing.error == "cannot open \"im/7.png\": No such file or directory");
    CHECK(open(l.dir, "link_in").ok());  // a symlink that stays inside is followed
}

}  // namespace

TEST_CASE("folder reader: only regular files inside the folder, after every symlink") {
    Layout l;
    fs::create_symlink("../secret.txt", l.dir / "link_out");
    fs::create_symlink("../elsewhere", l.dir / "linked_folder");
    fs::create_symlink(l.root / "secret.txt", l.dir / "abs_link");
    fs::create_symlink("im/0.png", l.dir / "link_in");
    REQUIRE(::mkfifo((l.dir / "fifo").c_str(), 0600) == 0);
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string socket_path = (l.dir / "socket").string();
    REQUIRE(socket_path.size() < sizeof address.sun_path);
    std::copy(socket_path.begin(), socket_path.end(), address.sun_path);
    REQUIRE(::bind(sock, (sockaddr*)&address, sizeof address) == 0);

    SUBCASE("openat2") { check_confinement(l, [](const fs::path& d, const std::string& n) { return open_beneath(d, n); }); }
    SUBCASE("the fallback without openat2") {
        check_confinement(l, [](const fs::path& d, const std::string& n) { return detail::open_beneath_by_checking(d, n); });
    }
    ::close(sock);

    const BeneathRead read = read_beneath(l.dir, "im/0.png");
    CHECK(read.ok());
    CHECK(read.content == "inside");
    check_refused(read_beneath(l.dir, "link_out"), "\"link_out\" is outside the flagged folder");
    // /proc's magic links (a cell "self/fd/0" in a folder that links to /proc) are not followed.
    fs::create_symlink("/proc", l.dir / "proc");
    check_refused(read_beneath(l.dir, "proc/self/environ"), "\"proc/self/environ\" is outside the flagged folder");
}

TEST_CASE("folder reader: a file over the limit is refused without being read whole") {
    Layout l;
    std::ofstream(l.dir / "big.bin") << std::string(1000, 'x');
    CHECK(read_beneath(l.dir, "big.bin", 1000).ok());
    const BeneathRead big = read_beneath(l.dir, "big.bin", 999);
    CHECK(big.refused);
    CHECK(big.content.empty());
    CHECK(big.error == "\"big.bin\" is more than 999 bytes, the limit for a file read from the folder");
    // A device behind a symlink inside the folder is outside it; a device node inside is no regular file.
    fs::create_symlink("/dev/zero", l.dir / "zero");
    CHECK(read_beneath(l.dir, "zero").refused);
    if (::mknod((l.dir / "null").c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0)  // needs root
        CHECK(read_beneath(l.dir, "null").error == "\"null\" is not a regular file (a device)");
}

TEST_CASE("quoted text: at most ~80 characters, escapes instead of control characters and bad bytes") {
    CHECK(quoted_excerpt("im/0.png") == "\"im/0.png\"");
    CHECK(quoted_excerpt("a\"b") == "\"a\\\"b\"");
    CHECK(printable("\x1b[2J\x1b]0;title\x07 ok") == "\\x1b[2J\\x1b]0;title\\x07 ok");
    CHECK(printable(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(printable("line\nbreak\r\t") == "line\\nbreak\\r\\t");
    CHECK(printable("caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80");  // UTF-8 kept
    CHECK(printable("bad \xff\xfe byte") == "bad \\xff\\xfe byte");
    CHECK(printable("csi \xC2\x9B" "2J") == "csi \\u009b2J");  // a C1 control acts as ESC [
    const std::string huge(200'000, 'A');
    const std::string q = quoted_excerpt(huge);
    CHECK(q == "\"" + std::string(80, 'A') + "\"... (200000 bytes)");
    std::string emoji;
    for (int i = 0; i < 100; ++i) emoji += "\xF0\x9F\x98\x80";
    CHECK(shortened(emoji) == emoji.substr(0, 320) + "... (400 bytes)");  // cut between characters
}

TEST_CASE("untrusted JSON: nesting is bounded before parsing, errors never repeat the input") {
    CHECK_NOTHROW(check_json_nesting("[[[[1]]]]"));
    CHECK_NOTHROW(check_json_nesting("\"" + std::string(100'000, '[') + "\""));  // inside a string: text
    const std::string deep = std::string(300'000, '[') + std::string(300'000, ']');
    CHECK_THROWS_WITH_AS(check_json_nesting(deep), "JSON nested more than 512 levels deep", std::invalid_argument);
    CHECK_NOTHROW(check_json_nesting(std::string(512, '[') + std::string(512, ']')));
    try {
        const nlohmann::json parsed = nlohmann::json::parse("\"AWS_SECRET_ACCESS_KEY=abc");
        FAIL("parsed: " << parsed.dump());
    } catch (const std::exception& e) {
        CHECK(std::string(e.what()).find("AWS_SECRET") != std::string::npos);  // what nlohmann says...
        const std::string message = json_error_message(e);                   // ... and what imgr says
        CHECK(message.find("AWS_SECRET") == std::string::npos);
        CHECK(message.find("parse error") == 0);
        CHECK(message.find("[json.exception") == std::string::npos);
    }
}
