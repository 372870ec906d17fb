// Polls an engine as the UI loop does each frame until it is idle (engine-only
// tests; tests with a view step frames instead).
#pragma once
#include <doctest/doctest.h>
#include <imgr/engine/engine.h>

#include <chrono>
#include <thread>

namespace imgr_test {

inline void settle(imgr::Engine& engine, std::chrono::milliseconds limit = std::chrono::milliseconds(5000)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    do {
        engine.poll();
        if (engine.idle()) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    } while (std::chrono::steady_clock::now() < deadline);
    FAIL("the engine did not become idle");
}

}  // namespace imgr_test
