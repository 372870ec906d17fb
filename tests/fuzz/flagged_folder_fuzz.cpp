// A flagged folder built from bytes, then replayed: the bytes are the log
// file (CSV or JSON lines, the first byte chooses) under a fixed header, in a
// folder that also holds a PNG, a FIFO, a symlink out of it and a symlinked
// folder, beside a picture and a text file outside it. Whatever the cells
// name, replay ends, reads nothing outside the folder (the handler never sees
// the outside picture, no line or report repeats the outside text), and every
// line it prints is one printable line.
#include "fuzz_check.h"
#include "imgr/engine/replay/replay.h"
#include "imgr/engine/replay/replay_report.h"
#include "imgr/model/image_io.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

constexpr int kOutsideWidth = 77;  // the outside picture's width: a handler that sees it read outside
const char kOutsideText[] = "OUTSIDE_SECRET_TEXT";

struct Folder {
    fs::path root, dir;
    Folder() {
        char name[] = "/tmp/imgr_fuzz_folder_XXXXXX";
        root = ::mkdtemp(name);
        dir = root / "flagged";
        fs::create_directories(dir / "im");
        fs::create_directories(root / "elsewhere");
        imgr::ImageBuffer small(3, 2, 3), outside(kOutsideWidth, 1, 3);
        (void)imgr::save_png((dir / "im" / "0.png").string(), small, imgr::Durability::NoFsync);
        (void)imgr::save_png((root / "elsewhere" / "p.png").string(), outside, imgr::Durability::NoFsync);
        std::ofstream(root / "elsewhere" / "t.json") << "[\"" << kOutsideText << "\"]";
        std::ofstream(root / "secret.txt") << kOutsideText;
        fs::create_symlink("../../elsewhere/p.png", dir / "im" / "out.png");
        fs::create_symlink("../elsewhere", dir / "linked");
        fs::create_symlink(root / "secret.txt", dir / "logs_1.jsonl");  // a log file linked out
        ::mkfifo((dir / "im" / "fifo.png").c_str(), 0600);
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
};

imgr::ReplaySpec spec() {
    imgr::ReplaySpec spec;
    spec.fields = {{"im", imgr::ComponentKind::Image, imgr::ImageProps{}},
                   {"j", imgr::ComponentKind::Json, {}},
                   {"op", imgr::ComponentKind::Radio, imgr::ChoiceProps{{"a", "b"}}},
                   {"w", imgr::ComponentKind::Number, imgr::NumberProps{}}};
    spec.inputs = {0, 1, 2};
    spec.outputs = {3};
    spec.handler = [](const imgr::Values& in, imgr::Progress&) -> imgr::HandlerOutputs {
        const auto& image = std::get<imgr::ImageBuffer>(in[0]);
        FUZZ_CHECK(image.width() != kOutsideWidth);
        FUZZ_CHECK(imgr::to_cell(in[1]).find(kOutsideText) == std::string::npos);
        return {imgr::Update().value((double)image.width())};
    };
    return spec;
}

bool printable_line(const std::string& line) {
    for (unsigned char c : line)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Folder folder;
    static const imgr::ReplaySpec replayed = spec();
    const bool jsonl = size > 0 && (data[0] & 1);
    const std::string body(reinterpret_cast<const char*>(data) + (size > 0), size - (size > 0));
    std::error_code ec;
    fs::remove(folder.dir / "logs.csv", ec);
    fs::remove(folder.dir / "logs.jsonl", ec);
    std::ofstream(folder.dir / (jsonl ? "logs.jsonl" : "logs.csv"), std::ios::binary)
        << (jsonl ? "" : "im,j,op,w,note,flag,timestamp\n") << body;

    // The outside text may only show up when the folder's own log holds it (libFuzzer
    // learns the string from the comparison and writes it into a cell).
    const bool log_names_it = body.find(kOutsideText) != std::string::npos;
    imgr::ReplayReport report("fuzz");
    imgr::ReplayOptions options;
    options.threads = 1;
    options.with_values = true;
    options.on_row = [&](const imgr::ReplayRow& row) {
        const std::string line = imgr::format_replay_row(row);
        FUZZ_CHECK(printable_line(line));
        FUZZ_CHECK(log_names_it || line.find(kOutsideText) == std::string::npos);
        FUZZ_CHECK(line.size() < 4096);  // quoted, never dumped
        report.add(row);
    };
    const imgr::ReplaySummary summary = imgr::run_replay(replayed, folder.dir, options);
    FUZZ_CHECK(log_names_it || report.html(summary).find(kOutsideText) == std::string::npos);
    return 0;
}
