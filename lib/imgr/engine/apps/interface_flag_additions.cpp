// What a person adds to an Interface's flag: a one-line note beside the flag
// buttons (InterfaceOptions::flagging_note) and corrected outputs
// (InterfaceOptions::flagging_corrections). The model's output stays as it
// came; a correction lives in its own field, shown only while the output's
// "Correct <label>" checkbox is checked, so the two are never confused.
#include "imgr/engine/apps/interface.h"
#include "imgr/engine/engine.h"
#include "imgr/model/kinds/kind_traits.h"

#include <mutex>
#include <set>

namespace imgr {

namespace {

// Outputs a person can correct by typing or choosing one value: the kind says (model/kinds/).
bool correctable(const ComponentSpec& spec) {
    const KindTraits& traits = kind_traits(spec.kind);
    return traits.correctable && traits.correctable(spec.props);
}

// The field a correction is typed in: the output's own kind, editable and
// hidden until asked for; a Label's top class is chosen from the classes seen.
ComponentSpec correction_field(const ComponentSpec& output) {
    ComponentSpec spec = output.kind == ComponentKind::Label ? Dropdown("", {}).spec() : output;
    spec.common.label = output.common.label + " (corrected)";
    spec.common.info = "what the output should have been";
    spec.common.interactive = true;
    spec.common.visible = false;
    spec.common.show_label = true;
    return spec;
}

// A new output is the starting point of a new correction: the field takes
// its value (a Label its top class, among every class seen so far) and the
// checkbox is cleared, so a stale correction is never flagged with new output.
HandlerFn prefill_correction(ComponentKind kind) {
    struct Classes {
        std::mutex mutex;
        std::set<std::string> seen;
    };
    auto classes = std::make_shared<Classes>();
    return [kind, classes](const Values& values, Progress&) {
        HandlerOutputs out{Update().value(false)};
        if (kind != ComponentKind::Label) {
            out.push_back(Update().value(values[0]));
            return out;
        }
        const LabelValue& label = std::get<LabelValue>(values[0]);
        const std::string top = top_class(label);
        std::lock_guard lock(classes->mutex);
        for (const auto& [name, confidence] : label.confidences) classes->seen.insert(name);
        if (!top.empty()) classes->seen.insert(top);
        out.push_back(Update().choices(StringList(classes->seen.begin(), classes->seen.end())).value(top));
        return out;
    };
}

}  // namespace

void Interface::add_flag_note() {
    flag_additions_.note = add(Textbox("Note").placeholder("why flag this? (optional, saved with the flag)")).id();
}

void Interface::add_correction(size_t field, ComponentId output) {
    const ComponentSpec spec = engine().component(output).spec;  // a copy: adding components moves them
    if (!correctable(spec)) return;
    const std::string label = spec.common.label;
    const ComponentKind kind = spec.kind;
    const ComponentId toggle = add(Checkbox("Correct " + label)).id();
    const ComponentId corrected = add_spec(correction_field(spec));
    flag_additions_.corrections.push_back({field, toggle, corrected});

    register_listener(listener({{toggle, Event::Change}}, [](const Values& values, Progress&) {
        return HandlerOutputs{Update().visible(std::get<bool>(values[0]))};
    }, {toggle}, {corrected}, TriggerMode::AlwaysLast, "change of 'Correct " + label + "'"));
    register_listener(listener({{output, Event::Change}}, prefill_correction(kind), {output}, {toggle, corrected},
                               TriggerMode::AlwaysLast, "change of '" + label + "' (its correction)"));
}

FlagSetup Interface::flag_setup() const {
    FlagSetup setup;
    setup.flag_column = !options_.flagging_options.empty();
    setup.note_column = flag_additions_.note >= 0;
    for (const FlagAdditions::Correction& correction : flag_additions_.corrections)
        setup.corrected_fields.push_back(correction.field);
    return setup;
}

}  // namespace imgr
