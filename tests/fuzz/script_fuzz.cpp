// Demo scripts from anywhere: parse_script never crashes or throws, reports
// "FILE:LINE: message" for the line it stopped at, and every command it
// accepts reads back the same from format_command's text.
#include "fuzz_check.h"
#include "imgr/driver/script.h"

#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::filesystem::path base = "/fuzz/base";
    const imgr::ScriptParseResult result = imgr::parse_script(text, "fuzz.script", base);

    int last_line = 0;
    for (const auto& command : result.commands) {
        FUZZ_CHECK(command.line > last_line);
        last_line = command.line;
    }
    if (!result.ok()) {
        FUZZ_CHECK(result.error_line > last_line);
        FUZZ_CHECK(result.error.starts_with("fuzz.script:" + std::to_string(result.error_line) + ": "));
        return 0;
    }
    FUZZ_CHECK(result.error_line == 0);

    // The formatted commands are a script too: it must parse to the same actions.
    std::string again;
    for (const auto& command : result.commands) again += imgr::format_command(command.action) + "\n";
    const imgr::ScriptParseResult reparsed = imgr::parse_script(again, "again.script", base);
    FUZZ_CHECK(reparsed.ok());
    FUZZ_CHECK(reparsed.commands.size() == result.commands.size());
    for (size_t i = 0; i < result.commands.size(); ++i)
        FUZZ_CHECK(reparsed.commands[i].action == result.commands[i].action);
    return 0;
}
