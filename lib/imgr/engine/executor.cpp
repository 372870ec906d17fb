#include "imgr/engine/executor.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace imgr {

struct Executor::State {
    std::mutex mutex;
    std::condition_variable work_ready, worker_exited;
    std::deque<std::function<void()>> tasks;
    int workers = 0, idle_workers = 0, max_workers = 16;
    bool stopping = false;
};

namespace {
void work(std::shared_ptr<Executor::State> state) {
    std::unique_lock lock(state->mutex);
    for (;;) {
        ++state->idle_workers;
        state->work_ready.wait(lock, [&] { return state->stopping || !state->tasks.empty(); });
        --state->idle_workers;
        if (state->tasks.empty()) break;  // stopping
        auto task = std::move(state->tasks.front());
        state->tasks.pop_front();
        lock.unlock();
        task();  // tasks catch their own exceptions
        task = nullptr;
        lock.lock();
    }
    --state->workers;
    state->worker_exited.notify_all();
}
}  // namespace

Executor::Executor(int max_workers) : state_(std::make_shared<State>()) {
    state_->max_workers = max_workers < 1 ? 1 : max_workers;
}

Executor::~Executor() {
    std::unique_lock lock(state_->mutex);
    state_->stopping = true;
    state_->tasks.clear();
    state_->work_ready.notify_all();
    // A handler that never returns must not keep the app from exiting.
    state_->worker_exited.wait_for(lock, std::chrono::seconds(2), [&] { return state_->workers == 0; });
}

void Executor::submit(std::function<void()> task) {
    std::lock_guard lock(state_->mutex);
    state_->tasks.push_back(std::move(task));
    if (state_->idle_workers < (int)state_->tasks.size() && state_->workers < state_->max_workers) {
        ++state_->workers;
        std::thread(work, state_).detach();
    }
    state_->work_ready.notify_one();
}

}  // namespace imgr
