#include "imgr/view/audio_device.h"

#include <atomic>

namespace imgr {
namespace {
std::atomic<AudioDevice*> installed{nullptr};
}

AudioDevice* audio_device() { return installed.load(std::memory_order_acquire); }
void set_audio_device(AudioDevice* device) { installed.store(device, std::memory_order_release); }

bool audio_device_active() {
    AudioDevice* device = audio_device();
    return device && device->active();
}

}  // namespace imgr
