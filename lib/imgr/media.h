// imgr's media module: the Audio and Video components (and an Image's "webcam"
// source), their files, playback and the sound device. Include it beside
// <imgr/imgr.h> and link the app with imgr::media:
//
//     target_link_libraries(my_demo PRIVATE imgr::imgr imgr::media)
//
// Apps without sound or video leave it out and load none of libav*, libsndfile,
// FFTW or PortAudio (docs/modules.md).
//
//   Audio                 media/audio_builder.h   waveform, playhead, trim, recording; value AudioBuffer
//   Video                 media/video_builder.h   a player; value VideoValue (a file and its metadata)
//   load/save audio       media/model/audio_io.h  WAV, FLAC, OGG, MP3 through libsndfile
//   read/write video      media/model/video_file.h  probe, decode, encode through libav*
#pragma once
#include "imgr/media/audio_builder.h"
#include "imgr/media/model/audio_io.h"
#include "imgr/media/model/video_file.h"
#include "imgr/media/video_builder.h"
