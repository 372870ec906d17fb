// Executor: the worker threads that run handlers, never on the UI thread.
// It grows when every worker is busy (a slow or stuck handler must not hold
// up other events) up to a bound, and abandons stuck workers at shutdown.
#pragma once
#include <functional>
#include <memory>

namespace imgr {

class Executor {
public:
    explicit Executor(int max_workers = 16);
    ~Executor();  // waits up to a couple of seconds for running tasks, then leaves them behind
    Executor(const Executor&) = delete;
    Executor& operator=(const Executor&) = delete;

    void submit(std::function<void()> task);

    struct State;
private:
    std::shared_ptr<State> state_;  // shared with the workers, so an abandoned one stays valid
};

}  // namespace imgr
