#include "imgr/view/font_roles.h"

namespace imgr {

// Must follow the widgets: a face missing here is null in FontRoles, and the
// widget then draws with the regular font (or scales it, for a heading).
FontFaces faces_drawn_by(ComponentKind kind) {
    FontFaces faces = FontFaces::none();
    switch (kind) {
        case ComponentKind::Markdown: faces = {true, true, true}; break;  // **bold**, `code`, # headings
        case ComponentKind::Label: faces.large = true; break;             // the top class
        case ComponentKind::Plot: faces.bold = true; break;               // the title
        case ComponentKind::Dataframe: faces.bold = true; break;          // column headers
        case ComponentKind::Json: faces.mono = true; break;
        case ComponentKind::Chatbot: faces = {true, true, true}; break;   // messages are Markdown
        default: break;
    }
    return faces;
}

}  // namespace imgr
