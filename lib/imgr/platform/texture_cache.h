// GlTextureCache: the OpenGL implementation of TextureSource. The view asks
// for a texture every frame for every image it shows; the cache uploads an
// image only the first time it sees that image's version() and frees textures
// that have not been asked for in a while.
//
//   - Textures are RGBA8 with clamp-to-edge wrapping, linear when minified and
//     nearest-neighbour when magnified: a zoomed image shows its pixels as blocks.
//   - texture_for_slot: when the image shown in one slot (a component) is replaced
//     by one of the same size, its texture is refilled with glTexSubImage2D under
//     the same name instead of a new glTexImage2D allocation (unless another slot
//     still shows the old image).
//     Grey, RGB and float images are converted first (ImageBuffer::to_rgba8;
//     an engine output has that ready, made on the worker that produced it).
//   - An image larger than the GPU allows (GL_MAX_TEXTURE_SIZE, or the
//     options' smaller max_side) is scaled down with a box filter, keeping
//     its aspect ratio: it is shown smaller in detail, never refused.
//     TextureRef::width/height give the texture's size, not the image's.
//   - ImTextureID is the GL texture name: (ImTextureID)(intptr_t)name, which
//     is what ImGui's OpenGL3 backend expects.
//
// Threading and lifetime: use it only on the thread that owns the GL context,
// and destroy it (or call clear()) while that context is still current —
// GL objects can only be deleted in their context. If the context is already
// gone, the destructor skips the deletion (the context took the textures with
// it) rather than calling OpenGL without a context.
#pragma once
#include "imgr/view/texture_source.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>

namespace imgr {

struct TextureCacheOptions {
    int keep_unused_frames = 120;            // a texture not asked for during this many frames is freed
    size_t max_bytes = size_t(512) << 20;    // over this much texture memory, the least recently used
                                             // textures not drawn in the current frame are freed early
    int max_side = 0;                        // largest texture side; 0 or more than the GPU allows: the GPU's limit
};

class GlTextureCache final : public TextureSource {
public:
    explicit GlTextureCache(TextureCacheOptions options = {});
    ~GlTextureCache() override;                      // deletes the textures: the GL context must be current
    GlTextureCache(const GlTextureCache&) = delete;
    GlTextureCache& operator=(const GlTextureCache&) = delete;

    // The texture for this image, uploading it when its version() is new.
    // Null id for an empty image or when no GL context is current.
    TextureRef texture_for(const ImageBuffer& image) override;
    TextureRef texture_for_slot(const ImageBuffer& image, uint64_t slot) override;
    // A video's texture: one per key, replaced in place with glTexSubImage2D when the frame's
    // version changes (glTexImage2D only when its size changes); freed like the others when unused.
    TextureRef texture_for_stream(const void* key, const ImageBuffer& frame) override;
    // A painted layer's texture (RGBA8): only `dirty` goes up with glTexSubImage2D, rows picked out of
    // the whole image with GL_UNPACK_ROW_LENGTH; sharp when magnified, as image textures are.
    TextureRef texture_for_painting(const void* key, const ImageBuffer& image, const PixelRect& dirty) override;
    // Call once a frame, after drawing: frees textures unused for keep_unused_frames frames.
    void end_frame() override;
    void clear();                                    // frees every texture now (context current)

    size_t upload_count() const { return uploads_; } // textures uploaded since construction (new or refilled)
    size_t reuse_count() const { return reuses_; }   // of those, refills of an existing texture (glTexSubImage2D)
    size_t texture_count() const { return entries_.size() + streams_.size(); }
    size_t stream_updates() const { return stream_updates_; }  // in-place updates of stream textures
    size_t painted_bytes() const { return painted_bytes_; }  // bytes texture_for_painting() uploaded
    size_t texture_bytes() const { return bytes_; }  // GPU memory held: 4 bytes a pixel, a third more with mipmaps
    int max_texture_side() const { return max_side_; }  // the limit in use; 0 until the first texture_for with a context

private:
    struct Entry {
        unsigned name = 0;          // GLuint
        int width = 0, height = 0;
        uint64_t last_used = 0;     // frame index
        uint64_t slot = 0;          // the slot that asked for it (texture_for_slot), 0: none
        bool shared = false;        // asked for by two slots, or without one: never refilled for another image
    };
    TextureRef upload(const ImageBuffer& image, uint64_t version, unsigned reuse_name);
    struct StreamEntry {
        Entry texture;
        uint64_t version = 0;       // of the frame it shows
    };
    void free_entry(std::unordered_map<uint64_t, Entry>::iterator it);
    void free_streams(bool unused_only);
    void trim_to_budget(size_t incoming);
    bool ensure_context();

    TextureCacheOptions options_;
    std::unordered_map<uint64_t, Entry> entries_;   // key: ImageBuffer::version()
    std::unordered_map<const void*, StreamEntry> streams_;  // key: the caller's (a video view)
    size_t stream_updates_ = 0;
    size_t painted_bytes_ = 0;
    unsigned new_stream_texture(bool sharp);  // clamped, linear when minified; nearest when magnified if sharp
    const void* context_ = nullptr;                 // the GLFW window whose context owns the textures
    int max_side_ = 0;
    uint64_t frame_ = 0;
    size_t uploads_ = 0;
    size_t reuses_ = 0;
    std::unordered_map<uint64_t, uint64_t> slot_versions_;  // slot -> the image version it showed last
    size_t bytes_ = 0;
    uint64_t failed_version_ = 0;                   // the last image the GPU refused, not retried
};

// Scales an RGBA8 image down with a box filter so that neither side exceeds
// max_side, keeping the aspect ratio (each side at least 1 pixel). Colours are
// averaged weighted by alpha, so transparent pixels do not darken the edges of
// opaque ones. Returns the image itself when it already fits.
ImageBuffer downscale_to_fit(const ImageBuffer& rgba8, int max_side);

}  // namespace imgr
