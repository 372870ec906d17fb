// The look a Blocks asks for; the view turns it into ImGui colours.
#pragma once

namespace imgr {

enum class Theme { Light, Dark };

}  // namespace imgr
