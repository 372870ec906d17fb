// The grabcut sample's picture, drawn by code (never a committed photo or a
// download): a shaded orange ball with a shadow on a textured ground under a
// sky, with enough colour spread in each that GrabCut has something to model.
#pragma once
#include <imgr/imgr.h>

imgr::ImageBuffer grabcut_scene(int width = 480, int height = 360);
