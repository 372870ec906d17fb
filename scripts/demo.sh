#!/usr/bin/env bash
# Installs what is missing, builds, and runs imgui_demo. Without a display it
# runs the demo under Xvfb and saves a screenshot instead of showing a window.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${IMGR_BUILD_DIR:-$root/build}
"$root/scripts/install_deps.sh"
"$root/scripts/build.sh"
demo="$build/imgui_demo/imgui_demo"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$demo" "$@"
fi
shot="$build/imgui_demo.png"
xvfb-run -a -s "-screen 0 1920x1080x24" "$demo" --headless --screenshot "$shot" "$@"
echo "No display here: imgui_demo ran under Xvfb. Its screenshot is $shot"
