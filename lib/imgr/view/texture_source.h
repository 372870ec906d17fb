// How the view gets GPU textures for images without touching OpenGL: the
// platform layer implements this; headless tests use a fake.
#pragma once
#include "imgr/model/brush_stroke.h"
#include "imgr/model/image.h"

#include <imgui.h>

#include <cstdint>

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
    // The same for the image shown in one place (`slot`: a component's id, say): when that
    // place's image is replaced by one of the same size, the texture it showed is refilled in
    // place rather than reallocated. Sources without that optimisation ignore the slot.
    virtual TextureRef texture_for_slot(const ImageBuffer& image, uint64_t slot) {
        (void)slot;
        return texture_for(image);
    }
    // A texture that shows a moving picture (a video): one texture per `key`, its pixels replaced
    // in place when the frame's version changes (no new texture per frame).
    virtual TextureRef texture_for_stream(const void* key, const ImageBuffer& frame) {
        (void)key;
        return texture_for(frame);
    }
    // A texture a view paints into (an ImageEditor's layer): one per `key`. `dirty` is the part of
    // `image` changed since the last call for this key, and only it is uploaded (glTexSubImage2D);
    // a new texture, or an image of another size, is uploaded whole. Sources without that optimisation
    // treat it as a stream.
    virtual TextureRef texture_for_painting(const void* key, const ImageBuffer& image, const PixelRect& dirty) {
        (void)dirty;
        return texture_for_stream(key, image);
    }
    // Called once a frame after drawing: textures unused for a while are freed.
    virtual void end_frame() {}
};

}  // namespace imgr
