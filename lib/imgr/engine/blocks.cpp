#include "imgr/engine/blocks.h"

namespace imgr {

Blocks::Blocks(std::string title, Theme theme) : title_(std::move(title)), theme_(theme) {}
Blocks::~Blocks() = default;

ComponentId Blocks::add_spec(ComponentSpec spec) {
    const ComponentId id = engine_.add_component(std::move(spec));
    LayoutNode node;
    node.type = NodeType::Component;
    node.component = id;
    layout_.add(current(), std::move(node));
    return id;
}

LayoutNode Blocks::row_node(const RowOptions& options) {
    LayoutNode node;
    node.type = NodeType::Row;
    node.equal_height = options.equal_height;
    node.visible = options.visible;
    return node;
}

LayoutNode Blocks::column_node(const ColumnOptions& options) {
    LayoutNode node;
    node.type = NodeType::Column;
    node.scale = options.scale;
    node.min_width = options.min_width;
    node.visible = options.visible;
    return node;
}

std::string Blocks::describe_trigger(ComponentId id, Event event) const {
    return std::string(event_name(event)) + " of '" + engine_.component(id).spec.common.label + "'";
}

}  // namespace imgr
