// Comparing a flagged output with the one a replay computed, per kind of
// value (docs/replay.md): numbers within a relative tolerance, text exactly
// with a short character diff, labels by top class and confidences, images
// by size, largest pixel difference and PSNR, JSON, plots and tables
// structurally. No ImGui: the engine's replay and its tests use it.
#pragma once
#include "imgr/model/value.h"

#include <string>

namespace imgr {

struct CompareOptions {
    double tolerance = 1e-9;   // relative, for every number (also inside labels, JSON, plots and tables)
    double min_psnr = 40.0;    // images: PSNR in dB below which an image has changed (identical: infinite)
};

struct Comparison {
    bool same = true;
    std::string detail;        // when changed, short: "12 -> -2", "\"cat\" -> \"dog\"", "max difference 37, PSNR 21.3 dB"
};

// `expected` is the flagged value (or its correction), `actual` the new one.
Comparison compare_values(const Value& expected, const Value& actual, const CompareOptions& options = {});

// Parts, for tests and for the report.
std::string text_diff(const std::string& expected, const std::string& actual);  // "\"hello wrld\" -> \"hello world\" (at 8: +\"o\")"

struct ImageDifference {
    bool same_size = false;    // width, height (and channels once grey/RGB/RGBA are compared as RGBA)
    int max_difference = 0;    // 0..255 over every channel
    double psnr = 0;           // dB; infinity when identical
};
ImageDifference image_difference(const ImageBuffer& expected, const ImageBuffer& actual);

}  // namespace imgr
