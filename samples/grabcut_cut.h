// GrabCut seeded from an ImageEditor's strokes (samples/grabcut.cpp): object
// strokes are surely object, background strokes surely background, the box
// around every stroke probably object, the rest probably background.
#pragma once
#include <imgr/imgr.h>

#include <cstdint>
#include <tuple>

inline constexpr uint32_t kGrabcutObject = 0x00c800, kGrabcutBackground = 0xdc1e1e;  // the palette: what a stroke means

// The mask (with its bounding box) over the picture, the cut-out on a transparent background,
// and the object's share of the picture. imgr::Error without an object stroke; stops at a
// progress report once the run was stopped.
std::tuple<imgr::AnnotatedImageValue, imgr::ImageBuffer, imgr::LabelValue> cut_out(
    const imgr::ImageEditorValue& picture, double iterations, imgr::Progress& progress);
