// write_file_atomically and write_all (model/file_write.h): a file is replaced
// whole or not at all, a crash in the middle leaves the old file, a failure
// removes its temporary file and names the path and the OS's reason.
#include "faults/read_only_folder.h"

#include <doctest/doctest.h>
#include <imgr/model/file_write.h>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using imgr::Durability;
using imgr::IoResult;

namespace {

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("imgr_file_write_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every name in the folder, hidden ones (a temporary file) included, sorted.
std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

IoResult write_text(const fs::path& path, const std::string& text, Durability durability = Durability::Fsync) {
    return imgr::write_file_atomically(path, text.data(), text.size(), durability);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// While it lives, a file may grow to `bytes` only; a write past that fails with
// EFBIG instead of killing the process with SIGXFSZ (as a full disk fails it).
struct FileSizeLimit {
    rlimit saved{};
    void (*previous_handler)(int);
    explicit FileSizeLimit(rlim_t bytes) {
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        previous_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit tight = saved;
        tight.rlim_cur = bytes;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &tight) == 0);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous_handler);
    }
};

}  // namespace

TEST_CASE("a file is written whole, replaces the old one, and leaves no temporary file, with or without fsync") {
    for (Durability durability : {Durability::Fsync, Durability::NoFsync}) {
        CAPTURE(durability == Durability::Fsync);
        const fs::path dir = scratch("replace");
        const fs::path path = dir / "0.png";
        REQUIRE(write_text(path, "first", durability).ok());
        CHECK(read_text(path) == "first");
        const std::string second(300000, 's');  // more than one write() may take
        const IoResult written = write_text(path, second, durability);
        CHECK(written.ok());
        CHECK(written.error.empty());
        CHECK(read_text(path) == second);
        CHECK(listing(dir) == std::vector<std::string>{"0.png"});
    }
}

TEST_CASE("a crash before the rename leaves the old file as it was") {
    const fs::path dir = scratch("crash");
    const fs::path path = dir / "0.png";
    REQUIRE(write_text(path, "the old image").ok());
    const std::string large(1 << 20, 'n');

    // The child dies in the middle of writing: a file size limit with SIGXFSZ
    // at its default action kills it at the write() that crosses the limit.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const rlimit no_core{0, 0}, small{4096, 4096};
        ::setrlimit(RLIMIT_CORE, &no_core);
        std::signal(SIGXFSZ, SIG_DFL);
        ::setrlimit(RLIMIT_FSIZE, &small);
        (void)write_text(path, large);
        ::_exit(0);  // not reached when the crash happens
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE_MESSAGE(WIFSIGNALED(status), "the child was meant to be killed mid-write");
    CHECK(WTERMSIG(status) == SIGXFSZ);

    CHECK(read_text(path) == "the old image");
    // What the crash left: the old file, and the temporary file cut at the limit (hidden, never mistaken for an image).
    const std::vector<std::string> names = listing(dir);
    REQUIRE(names.size() == 2);
    const std::string temporary = names[0] == "0.png" ? names[1] : names[0];
    CHECK(temporary.front() == '.');
    CHECK(contains(temporary, "0.png"));
    CHECK(fs::file_size(dir / temporary) == 4096);
    // The next write replaces the file as usual.
    REQUIRE(write_text(path, "the new image").ok());
    CHECK(read_text(path) == "the new image");
}

TEST_CASE("a write that fails part-way removes its temporary file, keeps the old file, and says how far it got") {
    const fs::path dir = scratch("cut_short");
    const fs::path path = dir / "logs.png";
    REQUIRE(write_text(path, "old").ok());
    IoResult written;
    {
        FileSizeLimit limit(1000);
        written = write_text(path, std::string(5000, 'x'));
    }
    CHECK_FALSE(written);
    CHECK(contains(written.error, path.string()));
    CHECK(contains(written.error, "only 1000 of 5000 bytes written"));
    CHECK(contains(written.error, "File too large"));
    CHECK(written.os_error == EFBIG);
    CHECK(listing(dir) == std::vector<std::string>{"logs.png"});
    CHECK(read_text(path) == "old");
}

TEST_CASE("a rename that fails removes the temporary file and names the path") {
    const fs::path dir = scratch("rename");
    const fs::path path = dir / "taken";
    fs::create_directories(path / "inside");  // a non-empty folder cannot be replaced by a file
    const IoResult written = write_text(path, "bytes");
    CHECK_FALSE(written);
    CHECK(contains(written.error, "cannot write '" + path.string() + "': "));
    CHECK(written.os_error != 0);
    CHECK(listing(dir) == std::vector<std::string>{"taken"});
    CHECK(fs::is_directory(path / "inside"));
}

TEST_CASE("a missing folder is named as such, and nothing is created") {
    const fs::path dir = scratch("missing");
    const fs::path path = dir / "no" / "such" / "0.png";
    const IoResult written = write_text(path, "bytes", Durability::NoFsync);
    CHECK_FALSE(written);
    CHECK(written.error == "cannot write '" + path.string() + "': folder '" + (dir / "no" / "such").string() +
                               "' does not exist");
    CHECK(written.os_error == ENOENT);
    CHECK(listing(dir).empty());
}

TEST_CASE("an unwritable folder gives a message naming the path and the OS's reason, and leaves the folder as it was") {
    imgr::test::ReadOnlyFolder folder;
    if (!folder.available()) {
        MESSAGE("skipped: cannot make a read-only folder here: " << folder.why_not());
        return;
    }
    MESSAGE("read-only through " << folder.how());
    const fs::path path = folder.path() / "shot.png";
    REQUIRE(write_text(path, "old").ok());
    REQUIRE_MESSAGE(folder.set_read_only(true) == "", "cannot make the folder read-only");
    for (Durability durability : {Durability::Fsync, Durability::NoFsync}) {
        const IoResult written = write_text(path, "new", durability);
        CHECK_FALSE(written);
        CHECK(written.error == "cannot write '" + path.string() + "': " + folder.refusal());
    }
    REQUIRE(folder.set_read_only(false) == "");
    CHECK(listing(folder.path()) == std::vector<std::string>{"shot.png"});
    CHECK(read_text(path) == "old");
}

TEST_CASE("write_all delivers every byte in order through interrupted and partial writes") {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    ::fcntl(fds[1], F_SETPIPE_SZ, 4096);  // a small pipe: the writer blocks again and again
    // A handler without SA_RESTART: a signal makes a blocked write() return
    // early, with the bytes taken so far (a partial write) or EINTR.
    struct sigaction interrupt {}, previous {};
    interrupt.sa_handler = [](int) {};
    sigemptyset(&interrupt.sa_mask);
    REQUIRE(::sigaction(SIGUSR1, &interrupt, &previous) == 0);

    std::vector<uint8_t> bytes(1 << 20);
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = (uint8_t)(i * 7 + i / 251);
    const pthread_t writer = ::pthread_self();
    std::vector<uint8_t> received;
    std::thread reader([&] {
        uint8_t buffer[1000];
        for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) != 0;) {
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) break;
            received.insert(received.end(), buffer, buffer + n);
            ::pthread_kill(writer, SIGUSR1);  // interrupts the writer, blocked on the full pipe
        }
    });
    const IoResult written = imgr::write_all(fds[1], bytes.data(), bytes.size(), "the test pipe");
    ::close(fds[1]);
    reader.join();  // the last signal is delivered to this thread before join returns
    ::close(fds[0]);
    ::sigaction(SIGUSR1, &previous, nullptr);
    CHECK(written.ok());
    CHECK(received.size() == bytes.size());
    CHECK(received == bytes);
}

TEST_CASE("write_all to a closed pipe fails with the name it was given and the OS's reason") {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    ::close(fds[0]);
    auto previous = std::signal(SIGPIPE, SIG_IGN);
    const char text[] = "frame";
    const IoResult written = imgr::write_all(fds[1], text, sizeof text, "the pipe to ffmpeg");
    std::signal(SIGPIPE, previous);
    ::close(fds[1]);
    CHECK_FALSE(written);
    CHECK(written.error == "cannot write 'the pipe to ffmpeg': Broken pipe");
    CHECK(written.os_error == EPIPE);
}

TEST_CASE("a failure never reads as success, and a success carries no message") {
    CHECK_FALSE(IoResult::failure(""));
    CHECK(IoResult::failure("").error == "unknown error");
    CHECK(IoResult::success().ok());
    const IoResult failed = imgr::os_failure("write", "a.png", ENOSPC);
    CHECK(failed.error == "cannot write 'a.png': No space left on device");
    CHECK(failed.os_error == ENOSPC);
}
