// IoResult: how every I/O function of imgr says whether it worked (files,
// images, PNGs, the flagging folder, recordings). One convention, so a caller
// never has to remember which function means success by an empty string,
// which by `true` and which by an empty optional:
//
//   if (IoResult saved = save_png(path, image); !saved) show(saved.error);
//
// A function that also hands back a value returns a struct derived from
// IoResult (ImageLoadResult, FileRead, ...), so the test reads the same.
// [[nodiscard]]: ignoring whether a write worked is a compile warning.
#pragma once
#include <string>

namespace imgr {

struct [[nodiscard]] IoResult {
    std::string error;  // "" when it worked; else one line naming the path and the reason ("cannot write 'a.png': ...")
    int os_error = 0;   // the errno behind a failure the OS reported (ENOENT, ENOSPC, ...); 0 otherwise

    bool ok() const { return error.empty(); }
    explicit operator bool() const { return ok(); }

    static IoResult success() { return {}; }
    // An empty message would read as success: it becomes "unknown error".
    static IoResult failure(std::string message, int os_error = 0) {
        return {message.empty() ? "unknown error" : std::move(message), os_error};
    }
};

// "cannot <what> '<path>': <the OS's reason for errno>", as failure(): the form of every OS error message.
IoResult os_failure(const char* what, const std::string& path, int error_number);

}  // namespace imgr
