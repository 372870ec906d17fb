// The comparison every kind's compare() and expect() are made of, one copy:
// numbers within a relative tolerance (number_compare.h), text exactly with a
// short character diff, JSON structurally (numbers inside it within the
// tolerance), images by size, largest pixel difference and PSNR. Replay's
// report and a script's `expect` both reach values through these, each with
// its own tolerance (docs/replay.md, docs/scripts.md).
#pragma once
#include "imgr/model/kinds/kind_traits.h"
#include "imgr/model/number_compare.h"

#include <optional>
#include <string>

namespace imgr {

// Two values, by the compare() of the kind whose value type they hold (replay's comparison, which
// a script's `expect` reaches through the same kinds). Values of different types differ.
Comparison compare_values(const Value& expected, const Value& actual, const CompareOptions& options = {});
// The same for a component of `kind`; a module's kind without its module: the message naming it.
Comparison compare_values(ComponentKind kind, const Value& expected, const Value& actual, const CompareOptions& options = {});

// "\"hello wrld\" -> \"hello world\" (at 8: +\"o\")"
std::string text_diff(const std::string& expected, const std::string& actual);

struct ImageDifference {
    bool same_size = false;    // width, height (and channels once grey/RGB/RGBA are compared as RGBA)
    int max_difference = 0;    // 0..255 over every channel
    double psnr = 0;           // dB; infinity when identical
};
ImageDifference image_difference(const ImageBuffer& expected, const ImageBuffer& actual);

// The parts the kinds' units are made of.
namespace kinds {

// A value shown in a detail: at most 40 bytes (cut at a character), then "…".
std::string shorten(std::string text);
std::string shown(const Json& j);              // numbers shortest, the rest as compact JSON, shortened
std::string quoted(const std::string& text);   // "\"text\"", shortened

// The first place two JSON values differ, "" when none: "at /a/0: 1 -> 2". Numbers (and the
// strings "nan", "inf", "-inf" flagging and scripts write for them) within `tolerance`.
std::string json_difference(const Json& expected, const Json& actual, double tolerance, const std::string& path = "");

Comparison compare_images(const ImageBuffer& expected, const ImageBuffer& actual, double min_psnr);
// An intersection over union below its threshold, for a detail: "0.953 (< 0.99)".
std::string iou_text(double iou, double min_iou);

// The detail of two values of different types, or of a value against none: "12 -> no value".
Comparison differs(const Value& expected, const Value& actual);

// --- a script's `expect`: its messages ---------------------------------------
using Check = std::optional<std::string>;   // nothing: the expectation holds
std::string show_expected(const Json& j);   // numbers shortest, the rest as compact JSON
// "expected X, got Y", and " (hint)" when the expected JSON can never describe such a value.
std::string mismatch(const Json& expected, const std::string& got, const char* hint = nullptr);
// A JSON number against a number within `tolerance`; "nan", "inf", "-inf" (JSON cannot write them) exactly.
bool number_matches(double actual, const Json& expected, double tolerance);
// The verdict of the kind's compare() on the expected JSON read as a whole value (the verdict
// replay gives on those two values), as expect's message.
Check verdict(const Comparison& comparison, const Json& expected, const std::string& got);

}  // namespace kinds
}  // namespace imgr
