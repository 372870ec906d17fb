// A framebuffer object that a --headless window renders into: the contents of
// an unmapped window's default framebuffer are undefined on real drivers, so
// screenshots and recordings of hidden windows must not rely on it.
#pragma once

namespace imgr {

class OffscreenTarget {
public:
    OffscreenTarget() = default;
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;
    ~OffscreenTarget();

    // (Re)creates the target at this size when needed and binds it for drawing and reading.
    bool bind(int width, int height);
    // Marks the end of a frame drawn into the target and waits until the frame
    // before it is rendered. Nothing else waits for a hidden window (no buffer
    // swap): without this the driver queues frames without bound (llvmpipe took
    // 700 MB for 2 s of frames and then seconds to drain them at exit).
    void end_frame();
    void release();  // needs the context current

private:
    unsigned framebuffer_ = 0, color_ = 0;
    void* previous_frame_fence_ = nullptr;  // a GLsync
    int width_ = 0, height_ = 0;
};

}  // namespace imgr
