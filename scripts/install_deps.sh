#!/usr/bin/env bash
# Installs the Debian packages imgr needs, only those that are missing.
set -euo pipefail

packages=(
  build-essential cmake ccache ninja-build lld  # Ninja and LLVM's linker: a faster build (bench/README.md)
  libimgui-dev libglfw3-dev libstb-dev libspng-dev zlib1g-dev nlohmann-json3-dev python3-glad
  doctest-dev
  xvfb xauth libgl1-mesa-dri
  fonts-dejavu-core fonts-wqy-microhei
  ffmpeg
  clang libclang-rt-14-dev  # libFuzzer and its sanitizer runtimes, for tests/fuzz
  python3
  # optional pieces (all installed, so CI builds and tests them): OCR, media, speech, OpenCV
  pkg-config
  libtesseract-dev tesseract-ocr-eng
  libavformat-dev libavcodec-dev libswscale-dev libavdevice-dev libavutil-dev libswresample-dev
  libsndfile1-dev portaudio19-dev libfftw3-dev
  jackd2  # a JACK server: its dummy driver is an audio device without a sound card (tests, bench_audio)
  libespeak-ng-dev espeak-ng-data
  libopencv-core-dev libopencv-imgproc-dev
  # --serve (imgr::serve): libvncserver (and libvncclient for its tests), noVNC for the
  # browser page, chromium for the browser test
  libvncserver-dev novnc chromium
  libxtst-dev  # X's test pointer: bench_serve drags the same slider without --serve
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "imgr: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "imgr: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
