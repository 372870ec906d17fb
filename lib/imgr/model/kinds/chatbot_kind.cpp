// Chatbot: a conversation. Flagged as a JSON file (N.json) that the flag file
// layer reads back; compared structurally, as its JSON.
#include "imgr/model/kinds/core_kinds.h"

namespace imgr::kinds {

KindTraits chatbot() {
    return {.name = "Chatbot",
            .default_value = [](const KindProps&) { return Value(Conversation{}); },
            .flag_file_extension = ".json",
            .from_script = shows_handler_output,
            .compare = compare_as_json,
            .expect = expect_as_json};
}

}  // namespace imgr::kinds
