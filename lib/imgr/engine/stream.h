// imgr::Stream<T>: what a streaming handler returns. A C++20 coroutine that
// hands out values with `co_yield`; each yielded value updates the outputs
// (T is the output's value type, or a std::tuple for several outputs), and
// the last one stays. The engine pulls values with next()/value() on the
// worker thread that runs the handler, so the coroutine never migrates
// between threads in the middle of a step.
#pragma once

#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace imgr {

template <class T>
class Stream {
public:
    using value_type = T;

    struct promise_type {
        std::optional<T> current;
        std::exception_ptr error;

        Stream get_return_object() { return Stream(std::coroutine_handle<promise_type>::from_promise(*this)); }
        std::suspend_always initial_suspend() noexcept { return {}; }  // nothing runs before the first next()
        std::suspend_always final_suspend() noexcept { return {}; }
        // By value: `co_yield {loss, image}` and `co_yield 1` (for a double) read naturally.
        std::suspend_always yield_value(T value) {
            current.emplace(std::move(value));
            return {};
        }
        void return_void() noexcept {}
        void unhandled_exception() noexcept { error = std::current_exception(); }
    };

    Stream() = default;
    Stream(Stream&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
    Stream& operator=(Stream&& other) noexcept {
        if (this != &other) {
            destroy();
            handle_ = std::exchange(other.handle_, {});
        }
        return *this;
    }
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;
    ~Stream() { destroy(); }

    // Runs the coroutine to its next co_yield. False when it has finished;
    // an exception thrown inside it is rethrown here (the values yielded
    // before it stay valid).
    bool next() {
        if (!handle_ || handle_.done()) return false;
        handle_.promise().current.reset();
        handle_.resume();
        if (handle_.promise().error) std::rethrow_exception(std::exchange(handle_.promise().error, {}));
        return !handle_.done();
    }
    // The value of the last co_yield; valid after next() returned true.
    T& value() { return *handle_.promise().current; }
    bool done() const { return !handle_ || handle_.done(); }

private:
    explicit Stream(std::coroutine_handle<promise_type> handle) : handle_(handle) {}
    void destroy() {
        if (handle_) handle_.destroy();  // a stream dropped mid-way (Stop) frees its frame here
        handle_ = {};
    }
    std::coroutine_handle<promise_type> handle_;
};

template <class T>
inline constexpr bool is_stream_v = false;
template <class T>
inline constexpr bool is_stream_v<Stream<T>> = true;

}  // namespace imgr
