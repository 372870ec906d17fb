#include "imgr/engine/flagged_rows.h"

#include "imgr/model/video_file.h"

#include <sstream>

#include "imgr/engine/flagging/csv.h"
#include "imgr/engine/messages.h"
#include "imgr/model/file_read.h"
#include "imgr/model/image_io.h"

namespace imgr {

FlaggedRows read_flagged_rows(FileLogger& logger) {
    FlaggedRows result;
    const std::filesystem::path path = logger.log_path();
    result.dir = path.parent_path();
    result.header = logger.header();
    const FileRead file = read_file(path);
    if (!file) return result;  // nothing flagged yet
    const std::string& content = file.content;
    try {
        if (path.extension() == ".jsonl") {
            std::istringstream lines(content);
            std::string line;
            while (std::getline(lines, line)) {
                if (line.empty()) continue;
                const Json record = Json::parse(line);
                std::vector<std::string> row;
                for (const std::string& key : result.header) {
                    const Json& cell = record.contains(key) ? record[key] : Json(nullptr);
                    row.push_back(cell.is_string() ? cell.get<std::string>() : cell.is_null() ? "" : cell.dump());
                }
                result.rows.push_back(std::move(row));
            }
        } else {
            std::vector<CsvRow> rows = parse_csv(content);
            if (!rows.empty()) rows.erase(rows.begin());  // the header
            result.rows = std::move(rows);
        }
    } catch (const std::exception& e) {
        throw Error("cannot read the flagged rows in '" + path.string() + "': " + e.what());
    }
    return result;
}

Value value_from_cell(ComponentKind kind, const KindProps& props, const std::string& cell,
                      const std::filesystem::path& dir) {
    const Value empty = default_value(kind, props);
    if (cell.empty() && kind != ComponentKind::Textbox) return empty;
    try {
        if (std::holds_alternative<double>(empty)) {
            size_t used = 0;
            const double number = std::stod(cell, &used);
            if (used != cell.size()) throw std::invalid_argument(cell);
            return number;
        }
        if (std::holds_alternative<std::string>(empty)) return cell;
        if (std::holds_alternative<bool>(empty)) return cell == "true";
        if (std::holds_alternative<StringList>(empty)) return Json::parse(cell).get<StringList>();
        if (std::holds_alternative<Json>(empty)) return Json::parse(cell);
        if (std::holds_alternative<Color>(empty)) {
            if (auto color = color_from_hex(cell)) return *color;
            throw std::invalid_argument(cell);
        }
        if (std::holds_alternative<ImageBuffer>(empty)) {
            ImageLoadResult loaded = load_image_file((dir / cell).string());
            if (!loaded) throw Error("cannot load the flagged image " + loaded.error);
            return std::move(loaded.image);
        }
        if (std::holds_alternative<VideoValue>(empty)) {
            VideoProbe probe = probe_video_file((dir / cell).string());
            if (!probe) throw Error("cannot load the flagged video: " + probe.error);
            return probe.video;
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception&) {
        throw Error(std::string("'") + cell + "' is not a value a " + kind_name(kind) + " can take");
    }
    throw Error(std::string("a ") + kind_name(kind) + " cannot be loaded from a flagged row");
}

}  // namespace imgr
