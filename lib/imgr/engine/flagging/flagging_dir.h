// The command line's --flagging-dir for one app. It belongs to the app (a
// Blocks or Interface), which hands it to its flagging callbacks: those its
// flag buttons and automatic flagging write with, and those set up with its
// components (callback.setup({a, b}, "dir")). It overrides their folder, also
// for a callback set up in main() before launch() read the command line.
// Two apps in one process each have their own.
#pragma once
#include <mutex>
#include <string>

namespace imgr {

class FlaggingDirOverride {
public:
    void set(std::string dir);                                   // "" removes the override
    std::string apply(const std::string& requested) const;       // the override, else requested

private:
    mutable std::mutex mutex_;  // callbacks read it from worker threads
    std::string dir_;
};

}  // namespace imgr
