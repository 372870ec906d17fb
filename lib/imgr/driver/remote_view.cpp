#include "imgr/driver/remote_view.h"

namespace imgr {
namespace {
RemoteViewFactory& registered() {  // set before main() by static registration, only read afterwards
    static RemoteViewFactory factory = nullptr;
    return factory;
}
}  // namespace

void register_remote_view(RemoteViewFactory factory) { registered() = factory; }
RemoteViewFactory remote_view_factory() { return registered(); }

}  // namespace imgr
