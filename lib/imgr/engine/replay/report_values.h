// How the replay report shows a value, and a flagged value beside its new one,
// as the window shows them: images side by side with a difference image and
// the PSNR, an AnnotatedImage with its boxes and masks drawn over it (inline
// SVG) and the boxes that differ marked, an ImageEditor's layers over their
// background, a Label as its bars, text with the changed characters marked,
// long JSON folded with the first differing path in its summary, numbers with
// their difference. Plain HTML and CSS (details/summary folds): no script, no
// file from elsewhere (images are data: URIs). Every text is escaped.
#pragma once
#include "imgr/engine/replay/replay.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace imgr {

std::string html_escape(std::string_view text);            // & < > " '
std::string base64(const std::uint8_t* data, size_t size);
std::string html_value(const Value& value);                // one value as the window shows it (an input)
std::string html_compared(const ReplayCell& cell);         // an output: flagged and new, and what differs

}  // namespace imgr
