#include "imgr/media/view/audio_player.h"

#include "imgr/media/model/audio_spectrogram.h"

#include <algorithm>

namespace imgr {

SpectrogramJob::~SpectrogramJob() {
    if (worker.valid()) worker.wait();
}

AudioPlayer& audio_player(const ComponentContext& c) {
    auto player = std::static_pointer_cast<AudioPlayer>(c.cache.widget_state);
    if (!player) {
        player = std::make_shared<AudioPlayer>();
        c.cache.widget_state = player;
    }
    player->device = audio_device(c.engine);
    return *player;
}

IoResult seek_audio(const ComponentCache& cache, const Value& value, double seconds) {
    auto player = std::static_pointer_cast<AudioPlayer>(cache.widget_state);
    const auto* clip = std::get_if<AudioBuffer>(&value);
    if (!clip || clip->empty()) return IoResult::failure("it holds no audio");
    if (!player) return IoResult::failure("it has not been drawn yet");
    player->position = std::clamp(seconds, 0.0, clip->duration());
    // A playing clip restarts from there in the next frame (the view owns the device calls).
    if (player->playing) player->restart = true;
    return IoResult::success();
}

std::shared_ptr<SpectrogramJob> start_spectrogram(const AudioBuffer& clip, BackgroundWork work) {
    auto job = std::make_shared<SpectrogramJob>();
    job->version = clip.version();
    SpectrogramJob* target = job.get();  // the job outlives its worker: its destructor waits for it
    job->worker = std::async(std::launch::async, [target, clip, work = std::move(work)]() mutable {
        Spectrogram spectrogram = compute_spectrogram(clip);
        ImageBuffer image = spectrogram_image(spectrogram);
        image.prepare_rgba8();
        {
            std::lock_guard lock(target->mutex);
            target->image = std::move(image);
            target->error = spectrogram.error;
            target->done = true;
        }
        work.finish();
    });
    return job;
}

}  // namespace imgr
