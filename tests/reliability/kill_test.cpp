// SIGKILL in the middle of a flag burst: every row that was acknowledged is
// on disk in full, its image decodes, and the CSV parses.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <imgr/engine/flagging/csv.h>
#include <imgr/model/image_io.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

// Starts the child, lets it flag for `run_for`, kills it, returns the last acked count.
int run_and_kill(const fs::path& dir, std::chrono::milliseconds run_for) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        execl(IMGR_FLAG_BURST_CHILD, IMGR_FLAG_BURST_CHILD, dir.c_str(), (char*)nullptr);
        _exit(127);
    }
    close(out[1]);
    std::string text;
    const auto deadline = std::chrono::steady_clock::now() + run_for;
    char buffer[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd fd{out[0], POLLIN, 0};
        if (poll(&fd, 1, 5) > 0) {
            const ssize_t n = read(out[0], buffer, sizeof buffer);
            if (n <= 0) break;
            text.append(buffer, (size_t)n);
        }
    }
    kill(pid, SIGKILL);
    // What the child printed before it died was acknowledged before it died.
    for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;) text.append(buffer, (size_t)n);
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    int acked = 0;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind("acked ", 0) == 0) acked = std::stoi(line.substr(6));
    return acked;
}

}  // namespace

TEST_CASE("rows acknowledged before a SIGKILL are all on disk, and the CSV parses") {
    const fs::path dir = fs::temp_directory_path() / "imgr_kill_test";
    fs::remove_all(dir);
    int total_acked = 0;
    for (int round = 0; round < 6; ++round) {
        const int acked = run_and_kill(dir, std::chrono::milliseconds(150 + 70 * round));
        std::ifstream in(dir / "logs.csv", std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        // The next run repairs a row cut short; until then, every complete row parses.
        const imgr::CsvScan scan = imgr::scan_csv(content.str());
        CHECK(scan.error.empty());
        if (scan.rows.empty()) {
            // Killed before its first row (a loaded machine, a sanitizer build): nothing was
            // acknowledged, so nothing is owed; the later, longer rounds write rows.
            CHECK(acked == 0);
            continue;
        }
        const int rows_on_disk = (int)scan.rows.size() - 1;
        CHECK_MESSAGE(rows_on_disk >= acked, "round " << round << ": " << acked << " acknowledged, "
                                                     << rows_on_disk << " on disk");
        for (size_t r = 1; r < scan.rows.size(); ++r) {
            REQUIRE(scan.rows[r].size() == 3);
            CHECK(scan.rows[r][0].find("with a line break") != std::string::npos);
            const imgr::ImageLoadResult image = imgr::load_image_file((dir / scan.rows[r][1]).string());
            CHECK_MESSAGE(image, image.error);
        }
        total_acked = std::max(total_acked, acked);
    }
    MESSAGE("acknowledged rows across kills: " << total_acked);
    CHECK(total_acked > 0);
    fs::remove_all(dir);
}
