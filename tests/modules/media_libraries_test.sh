#!/usr/bin/env bash
# media_libraries_test.sh --without APP... --with APP...
# Fails when an app listed after --without loads a media library (libav*,
# libsndfile, FFTW, PortAudio, JACK, PulseAudio, SDL2), or one after --with loads none.
# --libraries REGEX first checks other libraries the same way (libvncserver for imgr::serve).
set -u
media='lib(av(codec|format|device|util|filter)|swresample|swscale|sndfile|fftw3|portaudio|jack|pulse|SDL2)'
mode="" failed=0
if [[ ${1:-} == --libraries ]]; then media=$2; shift 2; fi
for arg in "$@"; do
  case "$arg" in
    --without|--with) mode=$arg; continue ;;
  esac
  found=$(ldd "$arg" | grep -oE "$media[^ ]*" | sort -u | tr '\n' ' ')
  count=$(ldd "$arg" | wc -l)
  if [[ $mode == --without && -n $found ]]; then
    echo "FAIL: $(basename "$arg") loads media libraries: $found"; failed=1
  elif [[ $mode == --with && -z $found ]]; then
    echo "FAIL: $(basename "$arg") links imgr::media but loads no media library"; failed=1
  else
    echo "ok: $(basename "$arg") ($count shared libraries${found:+; media: $found})"
  fi
done
exit $failed
