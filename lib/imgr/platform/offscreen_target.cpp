#include "imgr/platform/offscreen_target.h"

#include <glad/gl.h>

namespace imgr {

OffscreenTarget::~OffscreenTarget() { release(); }

void OffscreenTarget::release() {
    if (previous_frame_fence_) glDeleteSync((GLsync)previous_frame_fence_);
    previous_frame_fence_ = nullptr;
    if (color_) glDeleteRenderbuffers(1, &color_);
    if (framebuffer_) glDeleteFramebuffers(1, &framebuffer_);
    color_ = framebuffer_ = 0;
}

bool OffscreenTarget::bind(int width, int height) {
    if (framebuffer_ == 0 || width != width_ || height != height_) {
        release();
        glGenFramebuffers(1, &framebuffer_);
        glGenRenderbuffers(1, &color_);
        glBindRenderbuffer(GL_RENDERBUFFER, color_);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
        width_ = width;
        height_ = height;
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            release();
            return false;
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    return true;
}

// One frame in flight while the next is drawn, as a swap chain of two allows.
void OffscreenTarget::end_frame() {
    GLsync this_frame = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (previous_frame_fence_) {
        glClientWaitSync((GLsync)previous_frame_fence_, GL_SYNC_FLUSH_COMMANDS_BIT, GL_TIMEOUT_IGNORED);
        glDeleteSync((GLsync)previous_frame_fence_);
    }
    previous_frame_fence_ = this_frame;
}

}  // namespace imgr
