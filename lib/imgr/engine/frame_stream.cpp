#include "imgr/engine/frame_stream.h"
#include "imgr/model/media_channel.h"

namespace imgr {

HandlerFn frame_stream_handler(HandlerFn handler, std::vector<std::pair<size_t, std::shared_ptr<MediaChannel>>> videos,
                               size_t output_count) {
    return [handler = std::move(handler), videos = std::move(videos), output_count](
               const Values& inputs, Progress& progress) -> HandlerOutputs {
        Values with_frames = inputs;
        for (const auto& [index, channel] : videos) {
            if (index >= with_frames.size()) continue;
            PublishedFrame frame = channel->latest();
            if (frame.image.empty()) return HandlerOutputs(output_count);
            with_frames[index] = std::move(frame.image);
        }
        return handler(with_frames, progress);
    };
}

}  // namespace imgr
