#include "imgr/engine/media_control.h"

namespace imgr {

bool seek_media(Engine& engine, ComponentId id, double seconds) {
    const auto* video = std::get_if<VideoProps>(&engine.component(id).spec.props);
    if (!video || !video->channel) return false;
    video->channel->request_seek(seconds);
    return true;
}

bool media_idle(const Engine& engine) {
    for (size_t i = 0; i < engine.component_count(); ++i) {
        const auto* video = std::get_if<VideoProps>(&engine.component((ComponentId)i).spec.props);
        if (video && video->channel && !video->channel->idle()) return false;
    }
    return true;
}

}  // namespace imgr
