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
    void release();  // needs the context current

private:
    unsigned framebuffer_ = 0, color_ = 0;
    int width_ = 0, height_ = 0;
};

}  // namespace imgr
