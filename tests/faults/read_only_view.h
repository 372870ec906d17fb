// A child process that sees one folder read-only while everyone else still
// sees it writable: in a mount namespace of its own, the folder is bind-mounted
// on itself and remounted read-only, so "nothing written" is enforced by the
// kernel rather than trusted. As root (CI) that needs CAP_SYS_ADMIN; otherwise
// an unprivileged user namespace gives the same. Where neither is allowed, the
// setup says why and the child exits with kChildSetupFailed.
#pragma once
#include "support/process.h"

#include <filesystem>
#include <string>

namespace imgr::test {

// Run in the child before exec (run_process's setup): "" once `folder` refuses
// a new file there (checked by trying), else why it could not be made so.
std::string enter_read_only_view(const std::filesystem::path& folder);

// What a test looks for in the output when the view could not be made.
inline constexpr const char* kNoReadOnlyView = "no read-only view: ";

}  // namespace imgr::test
