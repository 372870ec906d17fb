#include "imgr/model/io_result.h"

#include <cstring>

namespace imgr {

IoResult os_failure(const char* what, const std::string& path, int error_number) {
    return IoResult::failure(std::string("cannot ") + what + " '" + path + "': " + std::strerror(error_number),
                             error_number);
}

}  // namespace imgr
