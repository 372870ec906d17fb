#include "imgr/view/font_roles.h"

#include "imgr/view/kind_views.h"

namespace imgr {

// Each kind says its faces where its widget is registered (kind_views.cpp, or its module's registration).
FontFaces faces_drawn_by(ComponentKind kind) { return kind_view(kind).faces; }

}  // namespace imgr
