#include "imgr/engine/flagging/json_logger.h"

#include <cmath>
#include <cstdint>

namespace imgr {

namespace {

using OrderedJson = nlohmann::ordered_json;

// to_json gives doubles; whole numbers become integers so they print as 12, like the CSV, not 12.0.
OrderedJson shortest_numbers(const Json& value) {
    switch (value.type()) {
    case Json::value_t::number_float: {
        const double d = value.get<double>();
        constexpr double kExact = 9007199254740992.0;  // 2^53: every whole double below is an exact integer
        if (std::trunc(d) == d && std::fabs(d) < kExact) return static_cast<std::int64_t>(d);
        return d;
    }
    case Json::value_t::array: {
        OrderedJson out = OrderedJson::array();
        for (const Json& item : value) out.push_back(shortest_numbers(item));
        return out;
    }
    case Json::value_t::object: {
        OrderedJson out = OrderedJson::object();
        for (const auto& [key, item] : value.items()) out[key] = shortest_numbers(item);
        return out;
    }
    case Json::value_t::string:
        return value.get<std::string>();
    case Json::value_t::boolean:
        return value.get<bool>();
    case Json::value_t::number_integer:
        return value.get<std::int64_t>();
    case Json::value_t::number_unsigned:
        return value.get<std::uint64_t>();
    default:  // null (and kinds to_json never makes)
        return nullptr;
    }
}

std::string dump(const OrderedJson& value) { return value.dump(-1, ' ', false, OrderedJson::error_handler_t::replace); }

}  // namespace

std::string JSONLogger::log_file_name(int index) const {
    return index == 0 ? "logs.jsonl" : "logs_" + std::to_string(index) + ".jsonl";
}

std::string JSONLogger::encode_header(const std::vector<std::string>&) const { return ""; }  // each line names its keys

std::string JSONLogger::encode_row(const std::vector<std::string>& header, const std::vector<Value>& cells) const {
    OrderedJson record = OrderedJson::object();
    for (size_t i = 0; i < cells.size() && i < header.size(); ++i) record[header[i]] = shortest_numbers(to_json(cells[i]));
    return dump(record) + "\n";  // a compact dump escapes line breaks, so "\n" alone ends a record
}

FileLogger::Inspection JSONLogger::inspect(std::string_view content, const std::vector<std::string>& header) const {
    Inspection result;
    const size_t last_break = content.rfind('\n');
    const size_t complete = last_break == std::string_view::npos ? 0 : last_break + 1;
    if (complete == 0) {
        // No complete line: ours if it is empty or the start of one of our records, cut short.
        const std::string start = "{" + dump(OrderedJson(header.empty() ? std::string() : header.front())) + ":";
        result.ours = content.size() <= start.size() ? std::string_view(start).starts_with(content)
                                                     : content.starts_with(start);
        return result;
    }
    int rows = 0;
    for (size_t begin = 0; begin < complete;) {
        const size_t end = content.find('\n', begin);
        const std::string_view line = content.substr(begin, end - begin);
        begin = end + 1;
        if (line.empty()) continue;
        const OrderedJson record = OrderedJson::parse(line, nullptr, false);
        if (record.is_discarded() || !record.is_object()) return result;  // not a file this logger wrote
        if (rows == 0) {
            std::vector<std::string> keys;
            for (const auto& item : record.items()) keys.push_back(item.key());
            if (keys != header) return result;
        }
        ++rows;
    }
    result.ours = true;
    result.complete_bytes = complete;
    result.rows = rows;
    return result;
}

}  // namespace imgr
