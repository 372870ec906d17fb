// Interface: one function wrapped in a standard demo, as Gradio's
// gr.Interface. Inputs on the left with Clear and Submit, outputs on the
// right with the flag buttons, examples and an article below.
//
//   imgr::Interface demo(calculator,
//       {imgr::Number("num1"), imgr::Radio("operation", {"add", "subtract"}), imgr::Number("num2")},
//       imgr::Number(),
//       {.flagging_options = {"wrong sign", "off by one", "other"}});
//   return demo.launch(argc, argv);
//
// The function's parameter types must be the inputs' value types and its
// return type the output's (a std::tuple for several): checked at compile time.
#pragma once
#include "imgr/engine/app/blocks.h"
#include "imgr/engine/flagging/flag_additions.h"
#include "imgr/engine/flagging/flagging_callback.h"

#include <memory>
#include <string>
#include <vector>

namespace imgr {

enum class FlaggingMode {
    Manual,  // flag buttons; a sample is saved when someone clicks one
    Auto,    // no button; every successful run is saved (and the window says so)
    Never,   // no button, nothing saved
};

// A flagging option: the button shows "Flag as <label>", the `flag` column holds value.
struct FlagOption {
    std::string label, value;
    FlagOption(const char* text) : label(text), value(text) {}            // NOLINT: {"wrong sign", ...}
    FlagOption(std::string text) : label(text), value(std::move(text)) {}  // NOLINT
    FlagOption(std::string shown, std::string stored) : label(std::move(shown)), value(std::move(stored)) {}
};

// A cell of an example row: numbers may be written as ints, text as literals;
// an Image's cell is a file path (relative to InterfaceOptions::examples_dir), shown
// as a thumbnail and loaded when the example is clicked.
struct ExampleCell {
    Value value;
    ExampleCell(int v) : value((double)v) {}                  // NOLINT: {5, "add", 7}
    ExampleCell(double v) : value(v) {}                       // NOLINT
    ExampleCell(bool v) : value(v) {}                         // NOLINT
    ExampleCell(const char* v) : value(std::string(v)) {}     // NOLINT
    ExampleCell(std::string v) : value(std::move(v)) {}       // NOLINT
    ExampleCell(StringList v) : value(std::move(v)) {}        // NOLINT
    ExampleCell(Value v) : value(std::move(v)) {}             // NOLINT
};

struct InterfaceOptions {
    std::string title;                                    // a heading above everything
    std::string description;                              // Markdown under the title
    std::string article;                                  // Markdown under the examples
    bool live = false;                                    // no Submit: every input change runs the function
    std::vector<std::vector<ExampleCell>> examples;       // rows of input values; a click fills the inputs
    std::string examples_dir;                             // relative image paths in examples start here;
                                                          // empty: the executable's folder (not the working directory)
    std::string submit_btn = "Submit";
    std::string clear_btn = "Clear";
    FlaggingMode flagging_mode = FlaggingMode::Manual;
    std::vector<FlagOption> flagging_options;             // none: one "Flag" button
    std::string flagging_dir = "flagged";                 // relative to the working directory; the app's --flagging-dir overrides
    std::shared_ptr<FlaggingCallback> flagging_callback;  // null: a CSVLogger
    size_t max_waiting_flags = 32;                        // flags not yet written (at most 48, FlagWriter); past a quarter the window
                                                          // says flagging is falling behind, at the bound a flag is refused
    Theme theme = Theme::Light;
    bool show_flagged = false;                            // a "Flagged" panel: the saved rows, and a button that
                                                          // loads one back into the inputs (CSV and JSON loggers)
    bool flagging_note = false;                           // a one-line "Note" Textbox beside the flag buttons (Manual):
                                                          // its text fills a `note` column; emptied once the row is saved
    bool flagging_corrections = false;                    // each editable output (Textbox, Number, Label's top class,
                                                          // Dropdown) gets a "Correct <label>" checkbox revealing a field
                                                          // "<label> (corrected)", prefilled with the output; what it holds
                                                          // when the person flags fills a `<label> (corrected)` column
    std::string examples_from_flagged;                    // a flagging folder (logs.csv, logs_N.csv, logs.jsonl; relative to the
                                                          // working directory): its flagged inputs become examples, shown as
                                                          // a table with thumbnails and the flag option (Blocks::flagged_examples)
};

// Component builders for an Interface's inputs or outputs, type-checked
// against the function: T... are its parameter (or result) types.
// Inputs: T... are its parameter types; else its result types.
template <bool Inputs, class... T>
struct InterfaceComponents {
    std::vector<ComponentSpec> specs;
    template <class... B>
    InterfaceComponents(const B&... builders) : specs{builders.spec()...} {  // NOLINT: braces read naturally
        static_assert(sizeof...(B) == sizeof...(T),
                      "imgr: the number of components differs from the function's parameters (inputs) or "
                      "results (outputs; return a std::tuple for several)");
        if constexpr (sizeof...(B) == sizeof...(T) && Inputs)
            detail::check_parameters((std::tuple<T...>*)nullptr, (std::tuple<typename B::value_type...>*)nullptr);
        else if constexpr (sizeof...(B) == sizeof...(T))
            detail::check_results((std::tuple<T...>*)nullptr, (std::tuple<typename B::value_type...>*)nullptr);
    }
};

namespace detail {
template <class Tuple>
struct interface_inputs;
template <class... A>
struct interface_inputs<std::tuple<A...>> {
    using type = InterfaceComponents<true, std::decay_t<A>...>;
};
template <class R>
struct interface_outputs {
    using type = InterfaceComponents<false, std::decay_t<R>>;
};
template <class... R>
struct interface_outputs<std::tuple<R...>> {
    using type = InterfaceComponents<false, std::decay_t<R>...>;
};
template <class T>
struct interface_outputs<Stream<T>> : interface_outputs<T> {};  // a streaming function fills them with what it yields
}  // namespace detail

template <class F>
using InterfaceInputsFor = typename detail::interface_inputs<detail::params_of<F>>::type;
template <class F>
using InterfaceOutputsFor = typename detail::interface_outputs<typename detail::callable<F>::result>::type;

class Interface : public Blocks {
public:
    template <class F>
    Interface(F fn, InterfaceInputsFor<F> inputs, InterfaceOutputsFor<F> outputs, InterfaceOptions options = {})
        : Blocks(options.title.empty() ? "imgr" : options.title, options.theme), options_(std::move(options)) {
        build(erase_handler(std::move(fn)), std::move(inputs.specs), std::move(outputs.specs));
    }

    const std::vector<ComponentId>& inputs() const { return inputs_; }
    const std::vector<ComponentId>& outputs() const { return outputs_; }
    FlaggingCallback& flagging_callback() { return *options_.flagging_callback; }

protected:
    void on_launch() override;

private:
    struct FlagButton {
        ComponentId id = -1;
        std::string text, option_value;
    };

    void build(HandlerFn fn, std::vector<ComponentSpec> inputs, std::vector<ComponentSpec> outputs);
    void add_main_row(std::vector<ComponentSpec> inputs, std::vector<ComponentSpec> outputs);
    void setup_flagging();
    void add_run_listener(HandlerFn fn);
    void add_flag_buttons();
    void add_clear_listener();
    void add_examples();
    void add_flagged_panel();
    // Notes and corrections (interface_flag_additions.cpp).
    void add_flag_note();
    void add_correction(size_t field, ComponentId output);  // after the output, in its column
    FlagSetup flag_setup() const;
    void refresh_flagged_panel();
    std::vector<ComponentId> flagged() const;  // inputs then outputs: what a flag saves (and Clear resets)
    ListenerSpec listener(std::vector<Trigger> triggers, HandlerFn fn, std::vector<ComponentId> inputs,
                          std::vector<ComponentId> outputs, TriggerMode mode, std::string description) const;

    InterfaceOptions options_;
    std::vector<ComponentId> inputs_, outputs_;
    std::vector<Value> initial_values_;   // inputs then outputs, for Clear
    ComponentId submit_ = -1, clear_ = -1;
    std::vector<FlagButton> flag_buttons_;
    ComponentId auto_notice_ = -1;
    ComponentId flagged_table_ = -1, flagged_choice_ = -1;
    std::vector<int> flag_listeners_;        // the writers: the Flagged panel reads the file after each
    int run_listener_ = -1;
    FlagAdditions flag_additions_;           // the note and the corrections the flag buttons read
};

}  // namespace imgr
