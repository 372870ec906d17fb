// The layout tree: rows, columns, tabs, accordions and groups holding
// components, as declared in main(). Plain data; the view draws it.
#pragma once
#include <compare>
#include <cstddef>
#include <string>
#include <vector>

namespace imgr {

using ComponentId = int;

// A node of the layout tree (a Row, a Tab, a component's place...). Its own
// type, not an int like ComponentId, so that one can never be passed where the
// other is meant: both are small indices from 0, and a mix-up would look valid.
struct NodeId {
    int index = -1;  // -1: no node
    constexpr NodeId() = default;
    constexpr explicit NodeId(int i) : index(i) {}
    constexpr explicit operator std::size_t() const { return (std::size_t)index; }
    constexpr bool valid() const { return index >= 0; }
    friend constexpr auto operator<=>(NodeId, NodeId) = default;
};

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
    NodeId root() const { return NodeId(0); }
    NodeId add(NodeId parent, LayoutNode node);
    const LayoutNode& node(NodeId id) const { return nodes_[(size_t)id]; }
    LayoutNode& node(NodeId id) { return nodes_[(size_t)id]; }
    size_t size() const { return nodes_.size(); }

private:
    std::vector<LayoutNode> nodes_;
};

}  // namespace imgr
