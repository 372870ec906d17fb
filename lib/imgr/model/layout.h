// The layout tree: rows, columns, tabs, accordions and groups holding
// components, as declared in main(). Plain data; the view draws it.
#pragma once
#include <string>
#include <vector>

namespace imgr {

using ComponentId = int;
using NodeId = int;

enum class NodeType { Root, Row, Column, Tabs, Tab, Accordion, Group, Component };

struct RowOptions {
    bool equal_height = false;    // children's cards stretch to the tallest one
    bool visible = true;
};
struct ColumnOptions {
    float scale = 1.0f;           // share of the row's free width
    float min_width = 20.0f;      // in font units (em); the row wraps rather than go narrower
    bool visible = true;
};

struct LayoutNode {
    NodeType type = NodeType::Root;
    std::string label;            // Tab and Accordion titles
    bool open = true;             // Accordion
    bool visible = true;
    bool equal_height = false;    // Row
    float scale = 1.0f;           // Column
    float min_width = 20.0f;      // Column, in em
    ComponentId component = -1;   // NodeType::Component
    std::vector<NodeId> children;
};

class Layout {
public:
    Layout() { nodes_.push_back(LayoutNode{}); }
    NodeId root() const { return 0; }
    NodeId add(NodeId parent, LayoutNode node);
    const LayoutNode& node(NodeId id) const { return nodes_[(size_t)id]; }
    LayoutNode& node(NodeId id) { return nodes_[(size_t)id]; }
    size_t size() const { return nodes_.size(); }

private:
    std::vector<LayoutNode> nodes_;
};

}  // namespace imgr
