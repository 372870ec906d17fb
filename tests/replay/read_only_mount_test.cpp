// Issue 21's "nothing written", enforced by the kernel: a hostile flagged
// folder (cells naming files outside it, a symlink out, a symlinked folder, a
// FIFO, a device) is bind-mounted read-only in a mount namespace of the
// replaying process alone, and replayed by an app with a report written
// elsewhere. Replay must end, say one line a row, and leave the folder as it
// was, byte for byte; nothing from outside reaches the report.
#include <doctest/doctest.h>
#include <imgr/engine/replay/replay_report.h>
#include <imgr/model/image_io.h>
#include <imgr/model/quoted_text.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "faults/read_only_view.h"
#include "support/process.h"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every entry under `dir` (and `dir` itself) as lstat sees it: type, mode, size,
// modification time, and a file's bytes or a link's target. Links are not followed,
// and a FIFO is not opened: taking the snapshot must not read outside or hang.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> entries;
    auto add = [&](const fs::path& path) {
        struct stat st {};
        REQUIRE(::lstat(path.c_str(), &st) == 0);
        std::string what = std::to_string(st.st_mode) + " " + std::to_string(st.st_size) + " " +
                           std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " ";
        if (S_ISREG(st.st_mode)) what += read_file(path);
        if (S_ISLNK(st.st_mode)) what += fs::read_symlink(path).string();
        entries[fs::relative(path, dir).string()] = what;
    };
    add(dir);
    for (const auto& entry : fs::recursive_directory_iterator(dir)) add(entry.path());
    return entries;
}

std::vector<std::string> replay_lines(const std::string& output) {
    std::vector<std::string> lines;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);)
        if (line.starts_with("row ") || line.starts_with("replay: ")) lines.push_back(line);
    return lines;
}

imgr::ImageBuffer pattern(int w, int h, int seed) {
    imgr::ImageBuffer image(w, h, 3);
    for (size_t i = 0; i < image.pixel_count() * 3; ++i) image.mutable_u8()[i] = (uint8_t)(i * 7 + seed);
    return image;
}

// What replay_test_app's filter makes of an RGB image at strength 0.5 (its `darken`):
// a flagged output the replay finds unchanged.
imgr::ImageBuffer darkened(const imgr::ImageBuffer& image) {
    imgr::ImageBuffer out(image.width(), image.height(), 3);
    for (size_t i = 0; i < image.pixel_count() * 3; ++i) out.mutable_u8()[i] = (uint8_t)(image.u8()[i] * 0.75);
    return out;
}

// A long cell (the absolute path depends on the build folder) is quoted as messages quote it.
std::string outside(int line, const std::string& cell) {
    return "unreadable: logs.csv:" + std::to_string(line) + ": " + imgr::quoted_excerpt(cell) +
           " is outside the flagged folder (column \"Input image\")";
}

}  // namespace

TEST_CASE("a hostile folder on a read-only mount replays to the end, one line a row, and is left byte for byte as it was") {
    const fs::path work = fs::path(IMGR_TEST_TMP) / ("read_only_mount_" + std::to_string(getpid()));
    fs::remove_all(work);
    const fs::path dir = work / "flagged";
    fs::create_directories(dir / "Input image");
    fs::create_directories(dir / "Output image");
    fs::create_directories(work / "elsewhere");
    const imgr::ImageBuffer card = pattern(24, 16, 3);
    REQUIRE(imgr::save_png((dir / "Input image" / "0.png").string(), card, imgr::Durability::NoFsync));
    REQUIRE(imgr::save_png((dir / "Output image" / "0.png").string(), darkened(card), imgr::Durability::NoFsync));
    // A picture of the replaying machine's, 77 pixels wide: a row that read it would change.
    const imgr::ImageBuffer secret = pattern(77, 5, 9);
    const fs::path secret_path = work / "elsewhere" / "secret.png";
    REQUIRE(imgr::save_png(secret_path.string(), secret, imgr::Durability::NoFsync));
    fs::create_symlink("../../elsewhere/secret.png", dir / "Input image" / "link.png");
    fs::create_symlink("../elsewhere", dir / "linked");
    fs::create_symlink("/dev/zero", dir / "Input image" / "zero.png");
    REQUIRE(::mkfifo((dir / "Input image" / "fifo.png").c_str(), 0600) == 0);
    std::ofstream(dir / "logs.csv", std::ios::binary)
        << "Input image,strength,Output image,timestamp\n"
           "Input image/0.png,0.5,Output image/0.png,t\n"
        << secret_path.string() << ",0.5,Output image/0.png,t\n"
        << "../elsewhere/secret.png,0.5,Output image/0.png,t\n"
           "Input image/link.png,0.5,Output image/0.png,t\n"
           "linked/secret.png,0.5,Output image/0.png,t\n"
           "Input image/zero.png,0.5,Output image/0.png,t\n"
           "Input image/fifo.png,0.5,Output image/0.png,t\n"
           "Input image/0.png,0.5,Output image/0.png,t\n";
    const auto before = snapshot(dir);
    const fs::path report = work / "report.html";
    const std::vector<std::string> argv = {REPLAY_APP, "--headless", "--replay", dir.string(), "--replay-report",
                                           report.string()};

    auto result = imgr::test::run_process(argv, {}, 60, [&] { return imgr::test::enter_read_only_view(dir); });
    if (result.exit_code == imgr::test::kChildSetupFailed &&
        result.output.find(imgr::test::kNoReadOnlyView) != std::string::npos) {
        MESSAGE("not on a read-only mount (the rest is checked on the folder as it is): " << result.output);
        result = imgr::test::run_process(argv);
    }
    INFO(result.output);
    CHECK(result.exit_code == 1);  // ended (not killed by the timeout), some rows unreadable
    CHECK(replay_lines(result.output) ==
          std::vector<std::string>{"row 1: unchanged",
                                   "row 2: " + outside(3, secret_path.string()),
                                   "row 3: " + outside(4, "../elsewhere/secret.png"),
                                   "row 4: " + outside(5, "Input image/link.png"),
                                   "row 5: " + outside(6, "linked/secret.png"),
                                   "row 6: " + outside(7, "Input image/zero.png"),
                                   "row 7: unreadable: logs.csv:8: \"Input image/fifo.png\" is not a regular file (a FIFO) "
                                   "(column \"Input image\")",
                                   "row 8: unchanged",
                                   "replay: 8 rows, 2 unchanged, 0 changed, 0 failed, 6 unreadable"});
    CHECK(snapshot(dir) == before);
    // The report was written where it was asked, outside the folder, with every row and nothing from outside.
    const std::string page = read_file(report);
    for (int row = 1; row <= 8; ++row) CHECK(page.find("id=\"row-" + std::to_string(row) + "\"") != std::string::npos);
    const std::vector<uint8_t> png = imgr::encode_png(secret);
    CHECK(page.find(imgr::base64(png.data(), png.size()).substr(0, 64)) == std::string::npos);
    CHECK(page.find("src=\"data:image/png;base64,") != std::string::npos);  // the rows inside the folder are there
    CHECK(result.output.find("imgr: replay report saved to " + report.string() + " (" +
                             imgr::format_page_size(fs::file_size(report)) + ")\n") != std::string::npos);
    fs::remove_all(work);
}
