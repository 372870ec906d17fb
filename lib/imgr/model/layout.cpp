#include "imgr/model/layout.h"

namespace imgr {

NodeId Layout::add(NodeId parent, LayoutNode node) {
    const NodeId id((int)nodes_.size());
    nodes_.push_back(std::move(node));
    nodes_[(size_t)parent].children.push_back(id);
    return id;
}

}  // namespace imgr
