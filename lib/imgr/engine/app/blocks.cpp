#include "imgr/engine/app/blocks.h"

#include "imgr/engine/flagging/flag_columns.h"

#include <algorithm>

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

std::vector<ComponentId> Blocks::own(const std::vector<HandleRef>& handles, const char* role,
                                     const std::string& listener) const {
    std::vector<ComponentId> ids;
    for (size_t i = 0; i < handles.size(); ++i) {
        const HandleRef& handle = handles[i];
        const std::string which = std::string(role) + (handles.size() > 1 ? " " + std::to_string(i + 1) : "") +
                                  " of " + listener;
        if (!handle.owner)
            throw UsageError("imgr: " + which + ": a Handle used before demo.add() gave it a component");
        if (handle.owner != this)
            throw UsageError("imgr: " + which + ": this Handle belongs to Blocks \"" + handle.owner->title() +
                             "\", not \"" + title_ + "\"");
        if (handle.id < 0 || (size_t)handle.id >= engine_.component_count())
            throw UsageError("imgr: " + which + ": a Handle with no component " + std::to_string(handle.id) +
                             " in Blocks \"" + title_ + "\"");
        ids.push_back(handle.id);
    }
    return ids;
}

detail::ListenerRequest Blocks::make_request(HandlerFn handler, const std::vector<HandleRef>& inputs,
                                             const std::vector<HandleRef>& outputs, const EventOptions& options,
                                             const std::string& listener) const {
    detail::ListenerRequest request;
    request.handler = std::move(handler);
    request.inputs = own(inputs, "input", listener);
    request.outputs = own(outputs, "output", listener);
    request.options = options;
    for (const EventRef& event : options.cancels)
        if (event.owner != this || event.listener < 0)
            throw UsageError("imgr: " + listener + ": a cancelled event must be one this Blocks' listener returned");
    return request;
}

EventChain Blocks::listen(detail::ListenerRequest request) {
    return EventChain(this, register_listener(detail::listener_spec(std::move(request))));
}

EventChain Blocks::flag_button(const Handle<std::string>& button, FlaggingCallback& callback, AnyInputs fields,
                               std::string option, FlagButtonExtras extras) {
    // Not owned: the caller keeps it alive (it is drained before launch() returns).
    return flag_button(button, std::shared_ptr<FlaggingCallback>(&callback, [](FlaggingCallback*) {}),
                       std::move(fields), std::move(option), std::move(extras));
}

EventChain Blocks::flag_button(const Handle<std::string>& button, std::shared_ptr<FlaggingCallback> callback,
                               AnyInputs fields, std::string option, FlagButtonExtras extras) {
    const ComponentId id = own({HandleRef{button.blocks(), button.id()}}, "button", "a flag button").front();
    std::vector<ComponentId> field_ids = own(fields.list(), "field", "a flag button");
    FlagAdditions additions;
    if (extras.note) additions.note = own({HandleRef{extras.note.blocks(), extras.note.id()}}, "note", "a flag button")[0];
    for (const FlagButtonExtras::Correction& correction : extras.corrections) {
        if (correction.field >= field_ids.size())
            throw UsageError("imgr: a correction of field " + std::to_string(correction.field) + " of a flag button with " +
                             std::to_string(field_ids.size()) + " fields");
        const ComponentId toggle = correction.toggle ? own({HandleRef{correction.toggle.blocks(), correction.toggle.id()}},
                                                           "correction toggle", "a flag button")[0]
                                                     : -1;
        const ComponentId value = own({HandleRef{correction.value.owner, correction.value.id}}, "correction",
                                      "a flag button")[0];
        additions.corrections.push_back({correction.field, toggle, value});
    }
    if (auto props = std::get_if<ButtonProps>(&engine_.component(id).spec.props); props && props->busy_text.empty()) {
        ButtonProps saving = *props;
        saving.busy_text = "Saving…";
        engine_.set_props(id, saving);
    }
    FlagWriter& writer = flag_writer(callback);
    return EventChain(this, writer.add_button(engine_, id, std::move(field_ids), std::move(option),
                                              describe_trigger(id, Event::Click), std::move(additions)));
}

FlagWriter& Blocks::flag_writer(const std::shared_ptr<FlaggingCallback>& callback) {
    for (const auto& writer : flag_writers_)
        if (writer->callback().get() == callback.get()) return *writer;
    callback->follow_flagging_dir(flagging_dir_override_);
    flag_writers_.push_back(std::make_unique<FlagWriter>(callback, max_waiting_flags_));
    return *flag_writers_.back();
}

size_t Blocks::finish_run() {
    size_t lost = 0;
    for (const auto& writer : flag_writers_) lost += writer->drain();
    on_close();
    return lost;
}

std::string Blocks::describe_trigger(ComponentId id, Event event) const {
    return std::string(event_name(event)) + " of '" + engine_.component(id).spec.common.label + "'";
}

}  // namespace imgr

namespace imgr {

void Blocks::replay_with(const EventChain& event, AnyInputs flagged_fields) {
    if (event.listener() < 0 || (size_t)event.listener() >= (size_t)engine_.listener_count())
        throw UsageError("imgr: replay_with() needs an event of this Blocks (what .change(), .click()... return)");
    set_replay(event.listener(), own(flagged_fields.list(), "field", "replay_with()"), false);
}

void Blocks::set_replay(int listener, std::vector<ComponentId> fields, bool flag_column) {
    replay_listener_ = listener;
    replay_fields_ = std::move(fields);
    replay_flag_column_ = flag_column;
}

std::optional<ReplaySpec> Blocks::replay_spec(std::string& why) const {
    if (replay_listener_ < 0) {
        why = "this app does not say which event its flagged rows replay: a Blocks app names it with "
              "demo.replay_with(event, {flagged components}) (docs/replay.md)";
        return std::nullopt;
    }
    const ListenerSpec& listener = engine_.listener(replay_listener_);
    ReplaySpec spec;
    spec.handler = listener.handler;
    std::vector<FlagField> flag_fields;
    for (ComponentId id : replay_fields_) flag_fields.push_back({engine_.component(id).spec.common.label, engine_.component(id).spec.kind});
    const FlagLayout layout = plan_flag_columns(flag_fields, replay_flag_column_);
    for (size_t i = 0; i < replay_fields_.size(); ++i) {
        const ComponentSpec& component = engine_.component(replay_fields_[i]).spec;
        spec.fields.push_back({layout.columns[i].name, component.kind, component.props});
    }
    auto field_of = [&](ComponentId id) {
        const auto it = std::find(replay_fields_.begin(), replay_fields_.end(), id);
        return it == replay_fields_.end() ? ReplaySpec::kNotFlagged : (size_t)(it - replay_fields_.begin());
    };
    for (ComponentId id : listener.inputs) {
        spec.inputs.push_back(field_of(id));
        if (spec.inputs.back() == ReplaySpec::kNotFlagged) {
            why = "the replayed event's input '" + engine_.component(id).spec.common.label +
                  "' is not one of the flagged components given to replay_with()";
            return std::nullopt;
        }
    }
    for (ComponentId id : listener.outputs) spec.outputs.push_back(field_of(id));
    return spec;
}

}  // namespace imgr
