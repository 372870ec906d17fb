// Moved to tests/support/headless_imgui.h (namespace imgr::test); this name
// stays only so that branches written against the old path still build.
#pragma once
#include "support/headless_imgui.h"

namespace widgets_test = imgr::test;
