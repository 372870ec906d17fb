#!/usr/bin/env bash
# Installs what is missing, builds, and runs imgui_demo. Without a display it
# plays the demo's tour under Xvfb, records it as a video, and saves a
# screenshot, then says where both are.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${IMGR_BUILD_DIR:-$root/build}
"$root/scripts/install_deps.sh"
IMGR_BUILD_TARGETS=imgui_demo "$root/scripts/build.sh"  # the demo alone: the test suite is test.sh's
demo="$build/imgui_demo/imgui_demo"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$demo" "$@"
fi
video="$build/imgui_demo_tour.mp4"
shot="$build/imgui_demo.png"
xvfb-run -a -s "-screen 0 1920x1080x24" "$demo" --headless --size 1280x860 \
  --script "$root/imgui_demo/tour.txt" --record "$video" --screenshot "$shot" "$@"
echo "No display here: imgui_demo played its tour under Xvfb."
echo "  video:      $video"
echo "  screenshot: $shot"
