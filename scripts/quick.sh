#!/usr/bin/env bash
# The inner loop: builds build/ and runs the normal CTest suite under Xvfb,
# without the sanitizer and fuzzing stages of scripts/test.sh (which CI runs).
# Arguments go to ctest (./scripts/quick.sh -R flagging).
exec env IMGR_SANITIZERS=0 IMGR_FUZZ=0 "$(dirname "$0")/test.sh" "$@"
