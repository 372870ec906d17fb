#include "imgr/platform/texture_cache.h"

// glad before GLFW: GLFW must not pull in the system's GL header.
#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <vector>

namespace imgr {

namespace {

// Scoped GL state that an upload changes: the view calls texture_for in the
// middle of a frame, and whoever draws next must find the state it left.
class UploadState {
public:
    UploadState() {
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture_);
        glGetIntegerv(GL_PIXEL_UNPACK_BUFFER_BINDING, &unpack_buffer_);
        glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment_);
        glGetIntegerv(GL_UNPACK_ROW_LENGTH, &row_length_);
        // Pixels come from client memory, tightly packed.
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    }
    ~UploadState() {
        glBindTexture(GL_TEXTURE_2D, (GLuint)texture_);
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, (GLuint)unpack_buffer_);
        glPixelStorei(GL_UNPACK_ALIGNMENT, alignment_);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, row_length_);
    }
    UploadState(const UploadState&) = delete;
    UploadState& operator=(const UploadState&) = delete;

private:
    GLint texture_ = 0, unpack_buffer_ = 0, alignment_ = 4, row_length_ = 0;
};

// Minified, a texture much larger than its place on screen makes the GPU read
// texels scattered over the whole image each frame; on llvmpipe that costs more
// than the draw itself. Smaller levels, made once per upload, let it read one
// near the shown size (bilinear within the nearest level: trilinear costs llvmpipe
// more than it saves). Textures up to this side skip the cost of making them.
constexpr int kMipmapAboveSide = 2048;

bool wants_mipmaps(int width, int height) { return std::max(width, height) > kMipmapAboveSide; }

// GPU memory of an image texture: the levels below the first add a third.
size_t image_texture_bytes(int width, int height) {
    const size_t base = (size_t)width * height * 4;
    return wants_mipmaps(width, height) ? base + base / 3 : base;
}

}  // namespace

ImageBuffer downscale_to_fit(const ImageBuffer& image, int max_side) {
    if (image.empty() || max_side <= 0) return image;
    const int w = image.width(), h = image.height();
    if (w <= max_side && h <= max_side) return image;
    const ImageBuffer rgba = image.to_rgba8();
    const double scale = (double)max_side / std::max(w, h);
    const int dw = std::clamp((int)std::lround(w * scale), 1, max_side);
    const int dh = std::clamp((int)std::lround(h * scale), 1, max_side);

    // Each target pixel averages the block of source pixels it covers; blocks
    // tile the source exactly, so every source pixel counts once.
    struct Sums {
        uint64_t premultiplied[3], plain[3], alpha;
    };
    const uint8_t* src = rgba.u8();
    std::vector<uint8_t> out((size_t)dw * dh * 4);
    std::vector<Sums> row(dw);
    for (int dy = 0; dy < dh; ++dy) {
        const int y0 = (int)((int64_t)dy * h / dh), y1 = (int)((int64_t)(dy + 1) * h / dh);
        std::fill(row.begin(), row.end(), Sums{});
        for (int y = y0; y < y1; ++y) {
            const uint8_t* line = src + (size_t)y * w * 4;
            for (int dx = 0; dx < dw; ++dx) {
                const int x0 = (int)((int64_t)dx * w / dw), x1 = (int)((int64_t)(dx + 1) * w / dw);
                Sums& s = row[dx];
                for (int x = x0; x < x1; ++x) {
                    const uint8_t* p = line + (size_t)x * 4;
                    for (int c = 0; c < 3; ++c) {
                        s.premultiplied[c] += (uint64_t)p[c] * p[3];
                        s.plain[c] += p[c];
                    }
                    s.alpha += p[3];
                }
            }
        }
        for (int dx = 0; dx < dw; ++dx) {
            const int x0 = (int)((int64_t)dx * w / dw), x1 = (int)((int64_t)(dx + 1) * w / dw);
            const uint64_t count = (uint64_t)(x1 - x0) * (y1 - y0);
            const Sums& s = row[dx];
            uint8_t* p = &out[((size_t)dy * dw + dx) * 4];
            for (int c = 0; c < 3; ++c)  // a fully transparent block keeps its plain average colour
                p[c] = (uint8_t)(s.alpha > 0 ? (s.premultiplied[c] + s.alpha / 2) / s.alpha
                                             : (s.plain[c] + count / 2) / count);
            p[3] = (uint8_t)((s.alpha + count / 2) / count);
        }
    }
    ImageBuffer result(dw, dh, 4, std::move(out));
    result.source = image.source;
    return result;
}

GlTextureCache::GlTextureCache(TextureCacheOptions options) : options_(options) {
    options_.keep_unused_frames = std::max(options_.keep_unused_frames, 1);
}

GlTextureCache::~GlTextureCache() { clear(); }

bool GlTextureCache::ensure_context() {
    GLFWwindow* current = glfwGetCurrentContext();
    if (!current || !glad_glGenTextures) return false;
    if (current != context_) {
        // A different context: our texture names mean nothing there, and the
        // old context (normally destroyed by now) freed them with itself.
        entries_.clear();
        slot_versions_.clear();
        streams_.clear();
        bytes_ = 0;
        context_ = current;
        GLint gpu_limit = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &gpu_limit);
        max_side_ = std::max((int)gpu_limit, 1);
        if (options_.max_side > 0) max_side_ = std::min(max_side_, options_.max_side);
    }
    return true;
}

TextureRef GlTextureCache::texture_for(const ImageBuffer& image) {
    if (image.empty() || image.pixel_count() == 0) return {};
    if (!ensure_context()) return {};
    const uint64_t version = image.version();
    if (auto it = entries_.find(version); it != entries_.end()) {
        it->second.last_used = frame_;
        it->second.shared = true;  // someone without a slot shows it: no slot may refill it
        return {(ImTextureID)(intptr_t)it->second.name, it->second.width, it->second.height};
    }
    // An upload the GPU refused is not retried every frame.
    if (version == failed_version_) return {};
    TextureRef made = upload(image, version, 0);
    if (auto it = entries_.find(version); it != entries_.end()) it->second.shared = true;
    return made;
}

TextureRef GlTextureCache::texture_for_slot(const ImageBuffer& image, uint64_t slot) {
    if (image.empty() || image.pixel_count() == 0) return {};
    if (!ensure_context()) return {};
    const uint64_t version = image.version();
    uint64_t& shown = slot_versions_[slot];
    const uint64_t previous = shown;
    shown = version;
    if (auto it = entries_.find(version); it != entries_.end()) {
        Entry& entry = it->second;
        entry.last_used = frame_;
        if (entry.slot != slot) entry.shared = true;
        return {(ImTextureID)(intptr_t)entry.name, entry.width, entry.height};
    }
    if (version == failed_version_) return {};
    // The slot's previous texture, if only this slot used it and it was not drawn in this frame,
    // is refilled under the same name when the new pixels have its size.
    unsigned reuse = 0;
    if (auto old = entries_.find(previous); previous != 0 && old != entries_.end() && !old->second.shared &&
                                            old->second.slot == slot && old->second.last_used < frame_)
        reuse = old->second.name;
    TextureRef made = upload(image, version, reuse);
    if (auto it = entries_.find(version); it != entries_.end()) it->second.slot = slot;
    return made;
}

TextureRef GlTextureCache::upload(const ImageBuffer& image, uint64_t version, unsigned reuse_name) {
    const ImageBuffer pixels = downscale_to_fit(image.to_rgba8(), max_side_);
    const int w = pixels.width(), h = pixels.height();
    const size_t bytes = image_texture_bytes(w, h);
    if (reuse_name != 0) {
        auto old = std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.second.name == reuse_name; });
        if (old != entries_.end() && old->second.width == w && old->second.height == h) {
            {
                UploadState state;
                glBindTexture(GL_TEXTURE_2D, reuse_name);
                glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.u8());
                if (wants_mipmaps(w, h)) glGenerateMipmap(GL_TEXTURE_2D);
            }
            Entry entry = old->second;
            entries_.erase(old);
            entry.last_used = frame_;
            entries_[version] = entry;
            ++uploads_;
            ++reuses_;
            return {(ImTextureID)(intptr_t)reuse_name, w, h};
        }
    }
    trim_to_budget(bytes);

    GLuint name = 0;
    GLint stored_width = 0;
    {
        UploadState state;
        glGenTextures(1, &name);
        glBindTexture(GL_TEXTURE_2D, name);
        const bool mipmaps = wants_mipmaps(w, h);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, mipmaps ? GL_LINEAR_MIPMAP_NEAREST : GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);  // zoomed in: pixels as blocks
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.u8());
        if (mipmaps) glGenerateMipmap(GL_TEXTURE_2D);
        // Asking the texture its size tells whether storage was made (out of
        // GPU memory it is 0) without consuming someone else's glGetError.
        glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, &stored_width);
    }
    if (stored_width != w) {
        glDeleteTextures(1, &name);
        failed_version_ = version;
        std::fprintf(stderr, "imgr: cannot upload a %dx%d image texture (out of GPU memory?)\n", w, h);
        return {};
    }
    entries_[version] = Entry{name, w, h, frame_};
    bytes_ += bytes;
    ++uploads_;
    return {(ImTextureID)(intptr_t)name, w, h};
}

TextureRef GlTextureCache::texture_for_stream(const void* key, const ImageBuffer& frame) {
    if (frame.empty() || frame.pixel_count() == 0) return {};
    if (!ensure_context()) return {};
    StreamEntry& entry = streams_[key];
    entry.texture.last_used = frame_;
    if (entry.texture.name && entry.version == frame.version())
        return {(ImTextureID)(intptr_t)entry.texture.name, entry.texture.width, entry.texture.height};
    const ImageBuffer pixels = downscale_to_fit(frame.to_rgba8(), max_side_);
    const int w = pixels.width(), h = pixels.height();
    UploadState state;
    if (!entry.texture.name) entry.texture.name = new_stream_texture(false);
    glBindTexture(GL_TEXTURE_2D, entry.texture.name);
    if (entry.texture.width == w && entry.texture.height == h) {
        // The same size: the pixels are replaced in place, no new storage.
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.u8());
        ++stream_updates_;
    } else {
        bytes_ -= (size_t)entry.texture.width * entry.texture.height * 4;
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.u8());
        entry.texture.width = w;
        entry.texture.height = h;
        bytes_ += (size_t)w * h * 4;
        ++uploads_;
    }
    entry.version = frame.version();
    return {(ImTextureID)(intptr_t)entry.texture.name, w, h};
}

unsigned GlTextureCache::new_stream_texture(bool sharp) {
    GLuint name = 0;
    glGenTextures(1, &name);
    glBindTexture(GL_TEXTURE_2D, name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, sharp ? GL_NEAREST : GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return name;
}

TextureRef GlTextureCache::texture_for_painting(const void* key, const ImageBuffer& image, const PixelRect& dirty) {
    if (image.empty() || image.pixel_count() == 0) return {};
    if (!ensure_context()) return {};
    StreamEntry& entry = streams_[key];
    entry.texture.last_used = frame_;
    const bool whole = !entry.texture.name || entry.version == 0;
    const ImageBuffer rgba = image.to_rgba8();
    const int w = rgba.width(), h = rgba.height();
    UploadState state;
    if (!entry.texture.name) entry.texture.name = new_stream_texture(true);
    glBindTexture(GL_TEXTURE_2D, entry.texture.name);
    if (w > max_side_ || h > max_side_) {
        // Larger than the GPU takes: scaled down whole, as any image is (no part maps to a rectangle of it).
        if (whole || !dirty.empty()) {
            const ImageBuffer pixels = downscale_to_fit(rgba, max_side_);
            bytes_ -= (size_t)entry.texture.width * entry.texture.height * 4;
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pixels.width(), pixels.height(), 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.u8());
            entry.texture.width = pixels.width();
            entry.texture.height = pixels.height();
            bytes_ += pixels.pixel_count() * 4;
            painted_bytes_ += pixels.pixel_count() * 4;
        }
    } else if (whole || entry.texture.width != w || entry.texture.height != h) {
        bytes_ -= (size_t)entry.texture.width * entry.texture.height * 4;
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.u8());
        entry.texture.width = w;
        entry.texture.height = h;
        bytes_ += (size_t)w * h * 4;
        painted_bytes_ += (size_t)w * h * 4;
        ++uploads_;
    } else if (!dirty.empty()) {
        const PixelRect r{std::max(dirty.x0, 0), std::max(dirty.y0, 0), std::min(dirty.x1, w), std::min(dirty.y1, h)};
        if (!r.empty()) {
            glPixelStorei(GL_UNPACK_ROW_LENGTH, w);  // the rectangle's rows, read out of the whole image
            glTexSubImage2D(GL_TEXTURE_2D, 0, r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0, GL_RGBA, GL_UNSIGNED_BYTE,
                            rgba.u8() + ((size_t)r.y0 * w + r.x0) * 4);
            painted_bytes_ += r.pixel_count() * 4;
            ++stream_updates_;
        }
    }
    entry.version = 1;  // uploaded once: later calls send only what they say changed
    return {(ImTextureID)(intptr_t)entry.texture.name, entry.texture.width, entry.texture.height};
}

void GlTextureCache::free_streams(bool unused_only) {
    for (auto it = streams_.begin(); it != streams_.end();) {
        if (unused_only && frame_ - it->second.texture.last_used < (uint64_t)options_.keep_unused_frames) {
            ++it;
            continue;
        }
        const GLuint name = it->second.texture.name;
        if (name) glDeleteTextures(1, &name);
        bytes_ -= (size_t)it->second.texture.width * it->second.texture.height * 4;
        it = streams_.erase(it);
    }
}

void GlTextureCache::free_entry(std::unordered_map<uint64_t, Entry>::iterator it) {
    const GLuint name = it->second.name;
    glDeleteTextures(1, &name);
    bytes_ -= image_texture_bytes(it->second.width, it->second.height);
    entries_.erase(it);
}

void GlTextureCache::trim_to_budget(size_t incoming) {
    while (bytes_ + incoming > options_.max_bytes) {
        // Textures drawn in this frame stay: the frame's draw data refers to them.
        auto oldest = entries_.end();
        for (auto it = entries_.begin(); it != entries_.end(); ++it)
            if (it->second.last_used < frame_ && (oldest == entries_.end() || it->second.last_used < oldest->second.last_used))
                oldest = it;
        if (oldest == entries_.end()) return;
        free_entry(oldest);
    }
}

void GlTextureCache::end_frame() {
    if (!entries_.empty() && glfwGetCurrentContext() == context_) {
        for (auto it = entries_.begin(); it != entries_.end();) {
            auto next = std::next(it);
            if (frame_ - it->second.last_used >= (uint64_t)options_.keep_unused_frames) free_entry(it);
            it = next;
        }
        trim_to_budget(0);
    }
    if (!streams_.empty() && glfwGetCurrentContext() == context_) free_streams(true);
    ++frame_;
}

void GlTextureCache::clear() {
    // Without our context current, deleting would hit the wrong context (or
    // none); a destroyed context has freed its textures already.
    if (!entries_.empty() && context_ && glad_glDeleteTextures && glfwGetCurrentContext() == context_)
        while (!entries_.empty()) free_entry(entries_.begin());
    if (!streams_.empty() && context_ && glad_glDeleteTextures && glfwGetCurrentContext() == context_) free_streams(false);
    streams_.clear();
    entries_.clear();
    slot_versions_.clear();
    bytes_ = 0;
    failed_version_ = 0;
}

}  // namespace imgr
