// The core's kind units, one function per kind (each defined in the file of
// its family), and what those units share. all_kinds.cpp registers them;
// nothing else includes this header: other code asks kind_traits().
#pragma once
#include "imgr/model/kind_files.h"
#include "imgr/model/kinds/compare.h"

namespace imgr::kinds {

KindTraits number();          // number_kinds.cpp
KindTraits slider();
KindTraits radio();           // choice_kinds.cpp
KindTraits dropdown();
KindTraits checkbox_group();
KindTraits checkbox();
KindTraits textbox();         // text_kinds.cpp
KindTraits markdown();
KindTraits button();
KindTraits label();           // label_kind.cpp
KindTraits color_picker();    // color_kind.cpp
KindTraits json();            // json_kinds.cpp
KindTraits plot();
KindTraits dataframe();
KindTraits chatbot();         // chatbot_kind.cpp
KindTraits image();           // image_kinds.cpp
KindTraits annotated_image();
KindTraits image_slider();
KindTraits gallery();
KindTraits image_editor();    // image_editor_kind.cpp

// How a file becomes a value (an upload, a dropped file), for the kinds that take one.
KindFileCodec image_file();         // image_kinds.cpp
KindFileCodec image_editor_file();  // image_editor_kind.cpp

// --- shared by the units ------------------------------------------------------
std::string json_text(const Json& j);  // compact, invalid UTF-8 replaced
// A number in flagged JSON: a JSON number, or "nan", "inf", "-inf" (JSON has no such numbers).
double json_number(const Json& j);
// "Number needs a number, got \"x\"": what from_script() says of JSON of the wrong form.
std::string needs(ComponentKind kind, const std::string& what, const Json& got);
// "'five' is not a value a Number can take": what from_cell() says of a cell it
// cannot read, quoting at most ~80 characters of it, escaped (quoted_text.h).
std::string not_a_value(ComponentKind kind, const std::string& cell);
// A flagged cell's JSON, its nesting bounded first (untrusted_json.h); throws when it is neither.
Json cell_json(const std::string& cell);
// "Label is not settable: it shows what handlers return".
ValueOrError shows_handler_output(ComponentKind kind, const KindProps&, const Json&);
// Text, the one comparison of every kind whose value is a string (Radio, Textbox, ...).
Comparison compare_text(const Value& expected, const Value& actual, const CompareOptions&);
Check expect_text(const Value& actual, const Json& expected, const CompareOptions& options);
ValueOrError text_from_cell(ComponentKind, const KindProps&, const std::string& cell);
// Values whose JSON form is the value (JSON, Plot, Chatbot): compared structurally.
Comparison compare_as_json(const Value& expected, const Value& actual, const CompareOptions& options);
Check expect_as_json(const Value& actual, const Json& expected, const CompareOptions& options);
// An image by its size, [width, height] or [width, height, channels]; null: no image (image_kinds.cpp).
Check expect_image_size(const ImageBuffer& image, const Json& expected);

}  // namespace imgr::kinds
