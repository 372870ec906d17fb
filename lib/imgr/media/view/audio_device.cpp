#include "imgr/media/view/audio_device.h"

#include <map>
#include <mutex>

namespace imgr {
namespace {

// Few apps, looked up once a frame per Audio component: a locked map is plenty.
std::mutex devices_mutex;
std::map<const Engine*, AudioDevice*>& devices() {
    static std::map<const Engine*, AudioDevice*> by_app;
    return by_app;
}

}  // namespace

AudioDevice* audio_device(const Engine& app) {
    std::lock_guard lock(devices_mutex);
    const auto found = devices().find(&app);
    return found == devices().end() ? nullptr : found->second;
}

void set_audio_device(const Engine& app, AudioDevice* device) {
    std::lock_guard lock(devices_mutex);
    if (device) devices()[&app] = device;
    else devices().erase(&app);
}

bool audio_device_active(const Engine& app) {
    AudioDevice* device = audio_device(app);
    return device && device->active();
}

}  // namespace imgr
