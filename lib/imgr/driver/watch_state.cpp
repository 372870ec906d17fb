#include "imgr/driver/watch_state.h"

#include "imgr/engine/flagging/durable_file.h"
#include "imgr/engine/flagging/flag_columns.h"
#include "imgr/engine/flagging/flagged_rows.h"
#include "imgr/engine/flagging/json_logger.h"
#include "imgr/model/folder_reader.h"
#include "imgr/model/kinds/kind_traits.h"
#include "imgr/model/quoted_text.h"
#include "imgr/model/untrusted_json.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <system_error>

namespace imgr {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStateFile = "state.json";
constexpr const char* kValuesFolder = "values";
constexpr size_t kMaxSavedValues = 100000;  // far more components than an app has; a longer list is not ours

// A Button's value is its own text, which the source decides: never the person's.
bool holds_state(const ComponentSpec& spec) { return spec.kind != ComponentKind::Button && has_kind_traits(spec.kind); }

// Which of the components with its label each component is, so two "Output"s keep their own values.
std::vector<int> occurrences(const Engine& engine) {
    std::vector<int> result(engine.component_count(), 0);
    std::map<std::string, int> seen;
    for (size_t i = 0; i < engine.component_count(); ++i) {
        const ComponentSpec& spec = engine.component((ComponentId)i).spec;
        if (holds_state(spec)) result[i] = seen[spec.common.label]++;
    }
    return result;
}

Json header_json(const ViewState::Header& h) { return {{"path", h.path}, {"open", h.open}}; }

Json to_state_json(const WatchState& s) {
    Json j = {{"version", 1}, {"pid", s.pid}, {"process_start", s.process_start}, {"started_ns", s.started_ns},
              {"labels", s.labels}};
    if (s.window.known)
        j["window"] = {{"x", s.window.x}, {"y", s.window.y}, {"width", s.window.width}, {"height", s.window.height}};
    Json tabs = Json::array(), accordions = Json::array(), values = Json::array();
    for (const auto& h : s.view.tabs) tabs.push_back(header_json(h));
    for (const auto& h : s.view.accordions) accordions.push_back(header_json(h));
    for (const auto& v : s.values)
        values.push_back({{"label", v.label}, {"occurrence", v.occurrence}, {"kind", v.kind}, {"column", v.column}});
    Json images = Json::array();
    for (const auto& z : s.view.images)
        images.push_back({{"label", z.label}, {"occurrence", z.occurrence}, {"fit", z.fit}, {"zoom", z.zoom},
                          {"center_x", z.center_x}, {"center_y", z.center_y}});
    j["view"] = {{"tabs", tabs}, {"accordions", accordions}, {"scroll_y", s.view.scroll_y}, {"images", images}};
    j["values"] = values;
    return j;
}

// nlohmann's typed get throws on a wrong type or a missing key: the caller says the state is unreadable.
WatchState from_state_json(const Json& j) {
    if (j.at("version").get<int>() != 1) throw std::invalid_argument("written by another version of imgr");
    WatchState s;
    s.pid = j.at("pid").get<long>();
    s.process_start = j.at("process_start").get<long long>();
    s.started_ns = j.at("started_ns").get<std::int64_t>();
    s.labels = j.at("labels").get<std::vector<std::string>>();
    if (j.contains("window")) {
        const Json& w = j["window"];
        s.window = {true, w.at("x").get<int>(), w.at("y").get<int>(), w.at("width").get<int>(), w.at("height").get<int>()};
        if (s.window.width < 1 || s.window.height < 1 || s.window.width > 16384 || s.window.height > 16384)
            s.window.known = false;  // not a size a window can have: the app's own is used
    }
    const Json& view = j.at("view");
    for (const Json& h : view.at("tabs")) s.view.tabs.push_back({h.at("path").get<std::string>(), h.at("open").get<bool>()});
    for (const Json& h : view.at("accordions"))
        s.view.accordions.push_back({h.at("path").get<std::string>(), h.at("open").get<bool>()});
    const double scroll = view.at("scroll_y").get<double>();
    s.view.scroll_y = std::isfinite(scroll) && scroll > 0 && scroll < 1e7 ? (float)scroll : 0.0f;
    for (const Json& z : view.value("images", Json::array())) {
        ViewState::ImageZoom zoom{z.at("label").get<std::string>(), z.at("occurrence").get<int>(), z.at("fit").get<bool>(),
                                  z.at("zoom").get<float>(), z.at("center_x").get<float>(), z.at("center_y").get<float>()};
        // A zoom no canvas can show (out of range, not a number) is not restored: the image is fitted.
        const bool sane = std::isfinite(zoom.zoom) && zoom.zoom > 1e-4f && zoom.zoom < 1e4f &&
                          std::isfinite(zoom.center_x) && std::isfinite(zoom.center_y) &&
                          std::fabs(zoom.center_x) < 1e3f && std::fabs(zoom.center_y) < 1e3f;
        if (sane && s.view.images.size() < kMaxSavedValues) s.view.images.push_back(std::move(zoom));
    }
    const Json& values = j.at("values");
    if (values.size() > kMaxSavedValues) throw std::invalid_argument("it lists more values than an app has");
    for (const Json& v : values)
        s.values.push_back({v.at("label").get<std::string>(), v.at("occurrence").get<int>(), v.at("kind").get<std::string>(),
                            v.at("column").get<std::string>()});
    return s;
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string text;
    for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + items[i];
    return text;
}

}  // namespace

IoResult save_watch_state(const Engine& engine, const std::vector<Value>& initial, WatchState state,
                          const fs::path& folder) {
    std::error_code ec;
    // The marker goes first, so old values never pair with a new marker or new values with an old one.
    fs::remove(folder / kStateFile, ec);
    if (ec) return os_failure("remove", (folder / kStateFile).string(), ec.value());
    fs::remove_all(folder / kValuesFolder, ec);
    if (ec) return os_failure("remove", (folder / kValuesFolder).string(), ec.value());

    const std::vector<int> occurrence = occurrences(engine);
    std::vector<FlagField> fields;
    std::vector<Value> values;
    state.labels.clear();
    state.values.clear();
    for (size_t i = 0; i < engine.component_count(); ++i) {
        const ComponentSpec& spec = engine.component((ComponentId)i).spec;
        if (!holds_state(spec)) continue;
        state.labels.push_back(spec.common.label);
        // Only what changed: a value the source sets (a Markdown's text, a slider's start) follows the new source.
        if (i < initial.size() && values_equal(spec.value, initial[i])) continue;
        fields.push_back({spec.common.label, spec.kind});
        values.push_back(spec.value);
        state.values.push_back({spec.common.label, occurrence[i], kind_name(spec.kind), ""});
    }
    if (!fields.empty()) {
        const FlagLayout layout = plan_flag_columns(fields, false);
        for (size_t i = 0; i < fields.size(); ++i) state.values[i].column = layout.columns[i].name;
        JSONLogger logger;  // flagging's own durable row and files: what it saves is what replay reads back
        logger.setup(fields, (folder / kValuesFolder).string());
        try {
            logger.flag(values);
        } catch (const std::exception& e) {
            return IoResult::failure(std::string("cannot save the values: ") + e.what());
        }
    }
    const std::string text = to_state_json(state).dump();
    return write_file_atomically(folder / kStateFile, text.data(), text.size(), Durability::Fsync);
}

WatchStateRead read_watch_state(const fs::path& folder) {
    WatchStateRead result;
    BeneathRead read = read_beneath(folder, kStateFile, kMaxWatchStateBytes);
    if (!read) {
        if (read.os_error == ENOENT) return result;
        result.found = true;
        result.error = "the saved state is unreadable: " + read.error;
        return result;
    }
    result.found = true;
    try {
        check_json_nesting(read.content, 16);  // the file is 4 levels deep
        result.state = from_state_json(Json::parse(read.content));
    } catch (const std::exception& e) {
        result.error = "the saved state is unreadable: " + json_error_message(e);
    }
    return result;
}

WatchRestore restore_watch_values(Engine& engine, const WatchState& state, const fs::path& folder) {
    WatchRestore result;
    std::vector<std::string> dropped;
    std::vector<std::pair<ComponentId, Value>> restored;  // set together: handlers see all of them at once
    FlaggedLog log;
    const fs::path values_dir = folder / kValuesFolder;
    if (!state.values.empty()) log = read_flagged_log(values_dir / "logs.jsonl", 1);
    std::string log_error = !log.error.empty()                               ? log.error
                            : state.values.empty()                           ? ""
                            : log.records.empty()                            ? "no row of values"
                            : !log.records.front().error.empty()             ? log.records.front().error
                                                                             : "";
    // The new app's components by label and occurrence.
    const std::vector<int> occurrence = occurrences(engine);
    std::map<std::pair<std::string, int>, ComponentId> by_label;
    std::set<std::string> new_labels;
    for (size_t i = 0; i < engine.component_count(); ++i) {
        const ComponentSpec& spec = engine.component((ComponentId)i).spec;
        if (!holds_state(spec)) continue;
        by_label[{spec.common.label, occurrence[i]}] = (ComponentId)i;
        new_labels.insert(spec.common.label);
    }
    for (const WatchState::Saved& saved : state.values) {
        const std::string name = quoted_excerpt(saved.label);
        auto it = by_label.find({saved.label, saved.occurrence});
        if (it == by_label.end()) {
            dropped.push_back(name + " (gone)");
            continue;
        }
        const ComponentSpec& spec = engine.component(it->second).spec;
        if (saved.kind != kind_name(spec.kind)) {
            dropped.push_back(name + " (now a " + kind_name(spec.kind) + ")");
            continue;
        }
        if (!log_error.empty()) {
            dropped.push_back(name + " (" + printable(shortened(log_error)) + ")");
            continue;
        }
        int column = -1;
        for (size_t c = 0; c < log.header.size(); ++c)
            if (log.header[c] == saved.column) column = (int)c;
        const std::vector<std::string>& cells = log.records.front().cells;
        if (column < 0 || (size_t)column >= cells.size()) {
            dropped.push_back(name + " (not in the saved row)");
            continue;
        }
        try {
            restored.emplace_back(it->second, value_from_cell(spec.kind, spec.props, cells[(size_t)column], values_dir));
        } catch (const std::exception& e) {
            dropped.push_back(name + " (" + printable(shortened(e.what())) + ")");
        }
    }
    result.restored = (int)restored.size();
    engine.set_many_from_program(std::move(restored));
    result.dropped = (int)dropped.size();
    std::set<std::string> old_labels(state.labels.begin(), state.labels.end());
    std::vector<std::string> added;
    for (const std::string& label : new_labels)
        if (!old_labels.count(label)) added.push_back(quoted_excerpt(label));
    if (!dropped.empty()) result.notice = "Reloaded; dropped " + quoted_list(dropped) + ".";
    if (!added.empty())
        result.notice += (result.notice.empty() ? "Reloaded; new: " : " New: ") + quoted_list(added) + ".";
    return result;
}

}  // namespace imgr
