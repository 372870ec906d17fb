// Thrown when imgr's API is used in a way that cannot work: a Handle that
// refers to no component yet, or one that belongs to another Blocks. A
// programming error, reported where it is made and naming what went wrong,
// rather than a crash (or a wrong component) later.
#pragma once
#include <stdexcept>
#include <string>

namespace imgr {

class UsageError : public std::logic_error {
public:
    explicit UsageError(const std::string& message) : std::logic_error(message) {}
};

}  // namespace imgr
