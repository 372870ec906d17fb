// How the view gets GPU textures for images without touching OpenGL: the
// platform layer implements this; headless tests use a fake.
#pragma once
#include "imgr/model/image.h"

#include <imgui.h>

namespace imgr {

struct TextureRef {
    ImTextureID id = nullptr;   // null: no texture (no GL context, or the image is empty)
    int width = 0, height = 0;  // of the texture: smaller than the image when it was scaled down to fit the GPU
};

class TextureSource {
public:
    virtual ~TextureSource() = default;
    // A texture showing the image; uploaded only when the image's version changed.
    virtual TextureRef texture_for(const ImageBuffer& image) = 0;
    // A texture that shows a moving picture (a video): one texture per `key`, its pixels replaced
    // in place when the frame's version changes (no new texture per frame).
    virtual TextureRef texture_for_stream(const void* key, const ImageBuffer& frame) {
        (void)key;
        return texture_for(frame);
    }
    // Called once a frame after drawing: textures unused for a while are freed.
    virtual void end_frame() {}
};

}  // namespace imgr
