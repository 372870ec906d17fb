#include "imgr/engine/app/blocks.h"
#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/app/blocks_state.h"

#include "imgr/engine/flagging/flag_columns.h"

#include <algorithm>

namespace imgr {

Blocks::Blocks(std::string title, Theme theme)
    : title_(std::move(title)), theme_(theme), state_(std::make_unique<BlocksState>()) {}
Blocks::~Blocks() = default;

Engine& Blocks::engine() { return state_->engine; }
const Engine& Blocks::engine() const { return state_->engine; }

int Blocks::register_listener(ListenerSpec spec) { return state_->engine.add_listener(std::move(spec)); }

void Blocks::set_max_waiting_flags(size_t count) { state_->max_waiting_flags = count; }

void Blocks::open_node(LayoutNode node) { state_->stack.push_back(state_->layout.add(state_->current(), std::move(node))); }
void Blocks::close_node() { state_->stack.pop_back(); }

const ComponentSpec& Blocks::component_spec(ComponentId id) const { return state_->engine.component(id).spec; }

void Blocks::set_component_value(ComponentId id, Value value) { state_->engine.set_from_program(id, std::move(value)); }

void Blocks::make_likeable(ComponentId chatbot) {
    ChatbotProps props = std::get<ChatbotProps>(state_->engine.component(chatbot).spec.props);
    props.likeable = true;
    state_->engine.set_props(chatbot, props);
}

std::vector<std::pair<size_t, std::shared_ptr<MediaChannel>>> Blocks::video_channels(
    const std::vector<HandleRef>& inputs) const {
    std::vector<std::pair<size_t, std::shared_ptr<MediaChannel>>> videos;
    for (size_t i = 0; i < inputs.size(); ++i) {
        if (!inputs[i].owner) continue;  // own() says what is wrong with it
        const ComponentState& state = inputs[i].owner->state_->engine.component(inputs[i].id);
        if (const auto* video = std::get_if<VideoProps>(&state.spec.props)) videos.emplace_back(i, video->channel);
    }
    return videos;
}

const Layout& BlocksAccess::layout(const Blocks& app) { return app.state_->layout; }

const std::shared_ptr<FlaggingDirOverride>& BlocksAccess::flagging_dir_override(const Blocks& app) {
    return app.state_->flagging_dir_override;
}

ComponentId Blocks::add_spec(ComponentSpec spec) {
    const ComponentId id = state_->engine.add_component(std::move(spec));
    LayoutNode node;
    node.type = NodeType::Component;
    node.component = id;
    state_->layout.add(state_->current(), std::move(node));
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
        if (handle.id < 0 || (size_t)handle.id >= state_->engine.component_count())
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
    if (auto props = std::get_if<ButtonProps>(&state_->engine.component(id).spec.props); props && props->busy_text.empty()) {
        ButtonProps saving = *props;
        saving.busy_text = "Saving…";
        state_->engine.set_props(id, saving);
    }
    FlagWriter& writer = flag_writer(callback);
    return EventChain(this, writer.add_button(state_->engine, id, std::move(field_ids), std::move(option),
                                              describe_trigger(id, Event::Click), std::move(additions)));
}

FlagWriter& Blocks::flag_writer(const std::shared_ptr<FlaggingCallback>& callback) {
    for (const auto& writer : state_->flag_writers)
        if (writer->callback().get() == callback.get()) return *writer;
    callback->follow_flagging_dir(state_->flagging_dir_override);
    state_->flag_writers.push_back(std::make_unique<FlagWriter>(callback, state_->max_waiting_flags));
    return *state_->flag_writers.back();
}

size_t Blocks::finish_run() {
    size_t lost = 0;
    for (const auto& writer : state_->flag_writers) lost += writer->drain();
    on_close();
    return lost;
}

std::string Blocks::describe_trigger(ComponentId id, Event event) const {
    return std::string(event_name(event)) + " of '" + state_->engine.component(id).spec.common.label + "'";
}

}  // namespace imgr

namespace imgr {

void Blocks::replay_with(const EventChain& event, AnyInputs flagged_fields) {
    if (event.listener() < 0 || (size_t)event.listener() >= (size_t)state_->engine.listener_count())
        throw UsageError("imgr: replay_with() needs an event of this Blocks (what .change(), .click()... return)");
    set_replay(event.listener(), own(flagged_fields.list(), "field", "replay_with()"), false);
}

void Blocks::set_replay(int listener, std::vector<ComponentId> fields, bool flag_column) {
    state_->replay_listener = listener;
    state_->replay_fields = std::move(fields);
    state_->replay_flag_column = flag_column;
}

std::optional<ReplaySpec> Blocks::replay_spec(std::string& why) const {
    if (state_->replay_listener < 0) {
        why = "this app does not say which event its flagged rows replay: a Blocks app names it with "
              "demo.replay_with(event, {flagged components}) (docs/replay.md)";
        return std::nullopt;
    }
    const ListenerSpec& listener = state_->engine.listener(state_->replay_listener);
    ReplaySpec spec;
    spec.handler = listener.handler;
    std::vector<FlagField> flag_fields;
    for (ComponentId id : state_->replay_fields) flag_fields.push_back({state_->engine.component(id).spec.common.label, state_->engine.component(id).spec.kind});
    const FlagLayout layout = plan_flag_columns(flag_fields, state_->replay_flag_column);
    for (size_t i = 0; i < state_->replay_fields.size(); ++i) {
        const ComponentSpec& component = state_->engine.component(state_->replay_fields[i]).spec;
        spec.fields.push_back({layout.columns[i].name, component.kind, component.props});
    }
    auto field_of = [&](ComponentId id) {
        const auto it = std::find(state_->replay_fields.begin(), state_->replay_fields.end(), id);
        return it == state_->replay_fields.end() ? ReplaySpec::kNotFlagged : (size_t)(it - state_->replay_fields.begin());
    };
    for (ComponentId id : listener.inputs) {
        spec.inputs.push_back(field_of(id));
        if (spec.inputs.back() == ReplaySpec::kNotFlagged) {
            why = "the replayed event's input '" + state_->engine.component(id).spec.common.label +
                  "' is not one of the flagged components given to replay_with()";
            return std::nullopt;
        }
    }
    for (ComponentId id : listener.outputs) spec.outputs.push_back(field_of(id));
    return spec;
}

}  // namespace imgr
