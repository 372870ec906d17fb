// Compile-time wiring of handlers to components: a handler's parameter types
// must take its input components' values, and its return value must fill its
// outputs. A mismatch is one static_assert naming the position and the types,
// not a run-time error (and not a page of errors from <variant>).
//
// What converts without loss of meaning is accepted: a Number or Slider
// (double) may be taken as int (rounded: Gradio's precision=0 gives ints) or
// float, a text as std::string_view; a handler may return int or float for a
// Number and a string literal (const char*) for a Textbox.
//
// Besides its inputs' values a handler may take, last, `imgr::SelectData` (what a
// select event chose: a pixel, an item; select_event.h) and then `imgr::Progress&`.
#pragma once
#include "imgr/engine/events.h"
#include "imgr/engine/stream.h"
#include "imgr/engine/select_event.h"

#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace imgr {

template <class T>
class Handle;
class Blocks;

// A component as a listener names it: the Blocks it belongs to and its id
// there (checked when the listener is registered: a handle of another Blocks,
// or one that refers to nothing, is a UsageError).
struct HandleRef {
    const Blocks* owner = nullptr;
    ComponentId id = -1;
};

// Any component, whatever its value type: for handlers taking `const Values&`
// and for a FlaggingCallback's setup, which needs the labels.
struct ComponentRef {
    ComponentId id = -1;
    const Blocks* owner = nullptr;  // the app it belongs to (its --flagging-dir, for setup())
    std::string label;
    ComponentKind kind = ComponentKind::Textbox;
    template <class T>
    ComponentRef(const Handle<T>& handle);  // NOLINT: any handle converts (defined in blocks.h; UsageError when empty)
    ComponentRef() = default;
};

namespace detail {

template <class F>
struct callable : callable<decltype(&std::decay_t<F>::operator())> {};
template <class R, class... A>
struct callable<R (*)(A...)> {
    using result = R;
    using args = std::tuple<A...>;
};
template <class R, class... A>
struct callable<R (*)(A...) noexcept> : callable<R (*)(A...)> {};
template <class R, class... A>
struct callable<R(A...)> : callable<R (*)(A...)> {};
template <class C, class R, class... A>
struct callable<R (C::*)(A...)> : callable<R (*)(A...)> {};
template <class C, class R, class... A>
struct callable<R (C::*)(A...) const> : callable<R (*)(A...)> {};
template <class C, class R, class... A>
struct callable<R (C::*)(A...) noexcept> : callable<R (*)(A...)> {};
template <class C, class R, class... A>
struct callable<R (C::*)(A...) const noexcept> : callable<R (*)(A...)> {};
// No function: a listener that only cancels others (stop.click(nullptr, {}, {}, {.cancels = {run}})).
template <>
struct callable<std::nullptr_t> {
    using result = void;
    using args = std::tuple<>;
};

template <class T>
inline constexpr bool is_progress = std::is_same_v<std::decay_t<T>, Progress>;

// The parameters without a trailing Progress&.
template <class Tuple, class = void>
struct strip_progress {
    using type = Tuple;
    static constexpr bool has_progress = false;
};
template <class... A>
struct strip_progress<std::tuple<A...>, std::enable_if_t<(sizeof...(A) > 0)>> {
    using last = std::tuple_element_t<sizeof...(A) - 1, std::tuple<A...>>;
    static constexpr bool has_progress = is_progress<last>;
    template <size_t... I>
    static auto drop_last(std::index_sequence<I...>) -> std::tuple<std::tuple_element_t<I, std::tuple<A...>>...>;
    using type = std::conditional_t<has_progress, decltype(drop_last(std::make_index_sequence<sizeof...(A) - 1>())),
                                    std::tuple<A...>>;
};

template <class T>
inline constexpr bool is_select_data = std::is_same_v<std::decay_t<T>, SelectData>;

// The parameters (Progress& already stripped) without a trailing SelectData.
template <class Tuple, class = void>
struct strip_select {
    using type = Tuple;
    static constexpr bool has_select = false;
};
template <class... A>
struct strip_select<std::tuple<A...>, std::enable_if_t<(sizeof...(A) > 0)>> {
    using last = std::tuple_element_t<sizeof...(A) - 1, std::tuple<A...>>;
    static constexpr bool has_select = is_select_data<last>;
    template <size_t... I>
    static auto drop_last(std::index_sequence<I...>) -> std::tuple<std::tuple_element_t<I, std::tuple<A...>>...>;
    using type = std::conditional_t<has_select, decltype(drop_last(std::make_index_sequence<sizeof...(A) - 1>())),
                                    std::tuple<A...>>;
};

template <class T>
struct is_tuple : std::false_type {};
template <class... T>
struct is_tuple<std::tuple<T...>> : std::true_type {};

template <class T, class Variant>
struct is_alternative_of;
template <class T, class... A>
struct is_alternative_of<T, std::variant<A...>> : std::bool_constant<(std::is_same_v<T, A> || ...)> {};
template <class T>
inline constexpr bool is_value_type = is_alternative_of<T, Value>::value;
template <class T>
inline constexpr bool is_number = std::is_arithmetic_v<T> && !std::is_same_v<T, bool>;

// A parameter of type P can take the value V a component gives.
template <class P, class V>
inline constexpr bool parameter_takes = std::is_same_v<P, V> || (std::is_same_v<V, double> && is_number<P>) ||
                                        (std::is_same_v<V, std::string> && std::is_same_v<P, std::string_view>);
// A returned R can fill a component whose value is V.
template <class R, class V>
inline constexpr bool result_fills = std::is_same_v<R, V> || std::is_same_v<R, Update> ||
                                     (std::is_same_v<V, double> && is_number<R>) ||
                                     (std::is_same_v<V, std::string> &&
                                      (std::is_same_v<R, const char*> || std::is_same_v<R, std::string_view>));
// Types some component's value converts to, and types that convert to some component's value.
template <class P>
inline constexpr bool gettable = is_value_type<P> || is_number<P> || std::is_same_v<P, std::string_view>;
template <class R>
inline constexpr bool storable = is_value_type<R> || std::is_same_v<R, Update> || is_number<R> ||
                                 std::is_same_v<R, const char*> || std::is_same_v<R, std::string_view>;

// The index of the first false, or the count when all are true.
template <size_t N>
constexpr size_t first_false(const std::array<bool, N>& fits) {
    for (size_t i = 0; i < N; ++i)
        if (!fits[i]) return i;
    return N;
}

// A mismatch is reported by instantiating one of these: the compiler prints
// the name, which reads as the sentence, e.g.
//   In instantiation of 'struct imgr::handler_parameter<2>::is<float>::but_input_gives<std::string>'
template <class T>
inline constexpr bool never = false;
}  // namespace detail

template <size_t Position>
struct handler_parameter {
    template <class Parameter>
    struct is {
        template <class InputGives>
        struct but_input_gives {
            static_assert(detail::never<InputGives>,
                          "imgr: a handler parameter's type differs from its input component's value type: "
                          "'In instantiation of imgr::handler_parameter<N>::is<P>::but_input_gives<V>' above names the "
                          "position N (from 1), the parameter's type P and the input's value type V. "
                          "Number and Slider give double (int and float parameters take it too); Textbox, Radio, "
                          "Dropdown and Button give std::string (or std::string_view); Checkbox bool; CheckboxGroup "
                          "imgr::StringList; Image imgr::ImageBuffer; Label imgr::LabelValue; Plot imgr::PlotValue; "
                          "JSON imgr::Json; ColorPicker imgr::Color; Dataframe imgr::TableValue; "
                          "AnnotatedImage imgr::AnnotatedImageValue; ImageSlider imgr::ImageSliderValue; Gallery imgr::GalleryValue; ImageEditor and Sketchpad imgr::ImageEditorValue; "
                          "Audio imgr::AudioBuffer");
        };
    };
};

template <size_t Position>
struct handler_result {
    template <class Result>
    struct is {
        template <class OutputTakes>
        struct but_output_takes {
            static_assert(detail::never<OutputTakes>,
                          "imgr: the handler's return type differs from its output component's value type: "
                          "'In instantiation of imgr::handler_result<N>::is<R>::but_output_takes<V>' above names the "
                          "position N (from 1), the returned type R and the output's value type V. "
                          "Number and Slider take double (or int, float); Textbox and Markdown std::string (or a "
                          "string literal); Label imgr::LabelValue; Image imgr::ImageBuffer; Audio imgr::AudioBuffer; ... or return "
                          "imgr::Update. For a streaming handler returning imgr::Stream<T>, R is (an element of) "
                          "the T it co_yields");
        };
    };
};

namespace detail {

// One static_assert at the first parameter that does not take its input's value.
template <class... P, class... V>
constexpr void check_parameters(std::tuple<P...>*, std::tuple<V...>*) {
    constexpr size_t bad = first_false<sizeof...(P)>({parameter_takes<P, V>...});
    if constexpr (bad < sizeof...(P)) {
        using Parameter = std::tuple_element_t<bad, std::tuple<P...>>;
        using InputGives = std::tuple_element_t<bad, std::tuple<V...>>;
        (void)sizeof(typename handler_parameter<bad + 1>::template is<Parameter>::template but_input_gives<InputGives>);
    }
}
// One static_assert at the first returned value that does not fill its output.
template <class... R, class... V>
constexpr void check_results(std::tuple<R...>*, std::tuple<V...>*) {
    constexpr size_t bad = first_false<sizeof...(R)>({result_fills<R, V>...});
    if constexpr (bad < sizeof...(R)) {
        using Result = std::tuple_element_t<bad, std::tuple<R...>>;
        using OutputTakes = std::tuple_element_t<bad, std::tuple<V...>>;
        (void)sizeof(typename handler_result<bad + 1>::template is<Result>::template but_output_takes<OutputTakes>);
    }
}

}  // namespace detail

// The input components of a handler whose parameters are T...
template <class... T>
struct Inputs {
    std::array<HandleRef, sizeof...(T)> refs{};
    Inputs() {
        static_assert(sizeof...(T) == 0,
                      "imgr: this handler takes parameters: list its input components, e.g. {num1, operation, num2}");
    }
    template <class... H>
    Inputs(const Handle<H>&... handles)  // NOLINT: braces read naturally
        : refs{HandleRef{handles.blocks(), handles.id()}...} {
        static_assert(sizeof...(H) == sizeof...(T),
                      "imgr: the number of input components differs from the number of the handler's parameters");
        if constexpr (sizeof...(H) == sizeof...(T))
            detail::check_parameters((std::tuple<T...>*)nullptr, (std::tuple<H...>*)nullptr);
    }
    std::vector<HandleRef> list() const { return {refs.begin(), refs.end()}; }
};

// For handlers taking `const imgr::Values&`: any components, any types.
struct AnyInputs {
    std::vector<HandleRef> refs;
    AnyInputs() = default;
    AnyInputs(std::initializer_list<ComponentRef> components) {
        for (const ComponentRef& c : components) refs.push_back({c.owner, c.id});
    }
    template <class H>
    AnyInputs(const Handle<H>& handle) : refs{{handle.blocks(), handle.id()}} {}  // NOLINT
    std::vector<HandleRef> list() const { return refs; }
};

// The output components filled by a handler returning T (or std::tuple<T...>).
// An element of type Update fits any component.
template <class... T>
struct Outputs {
    std::array<HandleRef, sizeof...(T)> refs{};
    Outputs() {
        static_assert(sizeof...(T) == 0,
                      "imgr: this handler returns a value: give the output component(s) it fills");
    }
    template <class... H>
    Outputs(const Handle<H>&... handles) : refs{HandleRef{handles.blocks(), handles.id()}...} {  // NOLINT
        static_assert(sizeof...(H) == sizeof...(T),
                      "imgr: the number of output components differs from the number of values the handler "
                      "returns (return a std::tuple for several outputs)");
        if constexpr (sizeof...(H) == sizeof...(T))
            detail::check_results((std::tuple<T...>*)nullptr, (std::tuple<H...>*)nullptr);
    }
    std::vector<HandleRef> list() const { return {refs.begin(), refs.end()}; }
};

namespace detail {

template <class Tuple>
struct inputs_for;
template <class... A>
struct inputs_for<std::tuple<A...>> {
    using type = Inputs<std::decay_t<A>...>;
};
template <class A>
struct inputs_for<std::tuple<A>> {
    using type = std::conditional_t<std::is_same_v<std::decay_t<A>, Values>, AnyInputs, Inputs<std::decay_t<A>>>;
};

template <class R>
struct outputs_for {
    using type = Outputs<std::decay_t<R>>;
};
template <>
struct outputs_for<void> {
    using type = Outputs<>;
};
template <class... R>
struct outputs_for<std::tuple<R...>> {
    using type = Outputs<std::decay_t<R>...>;
};
// A streaming handler fills its outputs with what it yields.
template <class T>
struct outputs_for<Stream<T>> : outputs_for<T> {};

template <class F>
using params_of = typename strip_select<typename strip_progress<typename callable<F>::args>::type>::type;
template <class F>
inline constexpr bool takes_select = strip_select<typename strip_progress<typename callable<F>::args>::type>::has_select;
template <class F>
inline constexpr bool takes_progress = strip_progress<typename callable<F>::args>::has_progress;

// Calls fn with the given leading arguments, then the run's SelectData and Progress& when fn takes them.
template <class F, class... Lead>
decltype(auto) call_with_extras(F& fn, Progress& progress, Lead&&... lead) {
    if constexpr (takes_select<F> && takes_progress<F>)
        return fn(std::forward<Lead>(lead)..., current_select_data(), progress);
    else if constexpr (takes_select<F>)
        return fn(std::forward<Lead>(lead)..., current_select_data());
    else if constexpr (takes_progress<F>)
        return fn(std::forward<Lead>(lead)..., progress);
    else
        return fn(std::forward<Lead>(lead)...);
}

// A float as the double of its shortest decimal form: 0.1f gives 0.1, not 0.10000000149011612.
inline double float_as_written(float value) {
    char text[32];
    const auto written = std::to_chars(text, text + sizeof text, value);
    double as_double = value;
    std::from_chars(text, written.ptr, as_double);
    return as_double;
}

// A returned value as an output's update: numbers become double, text std::string.
// A type that fills no output has been reported by Outputs; it is left alone here.
template <class T>
std::optional<Update> to_update(T&& value) {
    using R = std::decay_t<T>;
    if constexpr (std::is_same_v<R, Update>)
        return std::forward<T>(value);
    else if constexpr (std::is_same_v<R, float>)
        return Update().value(float_as_written(value));
    else if constexpr (is_number<R>)
        return Update().value((double)value);
    else if constexpr (std::is_same_v<R, const char*> || std::is_same_v<R, std::string_view>)
        return Update().value(std::string(value));
    else if constexpr (is_value_type<R>)
        return Update().value(std::forward<T>(value));
    else
        return std::nullopt;
}

// An input's value as the parameter type P (gettable<P>): the value itself,
// a number rounded (integers) or narrowed (float), a view of a text.
template <class P>
decltype(auto) argument(const Value& value) {
    if constexpr (is_value_type<P>) {
        return (std::get<P>(value));  // a reference: images are not copied
    } else if constexpr (std::is_integral_v<P>) {
        const double d = std::get<double>(value);
        return std::isfinite(d) ? (P)std::llround(d) : P{};
    } else if constexpr (is_number<P>) {
        return (P)std::get<double>(value);
    } else {
        return std::string_view(std::get<std::string>(value));
    }
}

// Calls fn with the snapshot values converted to its parameter types.
template <class F, class... A, size_t... I>
decltype(auto) call_with(F& fn, const Values& inputs, Progress& progress, std::tuple<A...>*, std::index_sequence<I...>) {
    return call_with_extras(fn, progress, argument<std::decay_t<A>>(inputs[I])...);
}

// A returned (or yielded) value as the outputs' updates: a tuple fills one output per element.
template <class R>
HandlerOutputs to_outputs(R&& result) {
    if constexpr (is_tuple<std::decay_t<R>>::value)
        return std::apply([](auto&&... values) { return HandlerOutputs{to_update(std::move(values))...}; },
                          std::forward<R>(result));
    else
        return HandlerOutputs{to_update(std::forward<R>(result))};
}

// Pulls a streaming handler's values on this worker and hands each to the
// window through progress (the engine keeps only the newest one not yet
// drawn). Stopped runs end here at their next co_yield: the coroutine is
// resumed no more and its frame is destroyed with the Stream. The returned
// outputs leave everything as the last yield showed it.
template <class T>
HandlerOutputs run_stream(Stream<T> stream, Progress& progress) {
    constexpr size_t count = [] {
        if constexpr (is_tuple<T>::value)
            return std::tuple_size_v<T>;
        else
            return size_t{1};
    }();
    while (!progress.cancelled() && stream.next()) progress.stream(to_outputs(std::move(stream.value())));
    if (progress.cancelled()) throw Cancelled();
    return HandlerOutputs(count);
}

template <class Tuple>
struct all_gettable;
template <class... A>
struct all_gettable<std::tuple<A...>> : std::bool_constant<(gettable<std::decay_t<A>> && ...)> {};

}  // namespace detail

template <class F>
using InputsFor = typename detail::inputs_for<detail::params_of<F>>::type;
template <class F>
using OutputsFor = typename detail::outputs_for<typename detail::callable<F>::result>::type;

// Wraps a typed handler as the engine's type-erased HandlerFn.
template <class F>
HandlerFn erase_handler(F fn) {
    using Params = detail::params_of<F>;
    using Result = typename detail::callable<F>::result;
    constexpr bool takes_values = std::is_same_v<typename detail::inputs_for<Params>::type, AnyInputs>;
    if constexpr (std::is_null_pointer_v<F>) {
        return HandlerFn{};  // nothing to run: the listener only cancels (EventOptions::cancels)
    } else if constexpr (!takes_values && !detail::all_gettable<Params>::value) {
        // A parameter no component's value converts to: Inputs has said so in
        // one static_assert; calling fn here would only add pages of errors.
        return [](const Values&, Progress&) { return HandlerOutputs{}; };
    } else {
        return [fn = std::move(fn)](const Values& inputs, Progress& progress) mutable -> HandlerOutputs {
            auto invoke = [&]() -> decltype(auto) {
                if constexpr (takes_values) {
                    return detail::call_with_extras(fn, progress, inputs);
                } else {
                    return detail::call_with(fn, inputs, progress, (Params*)nullptr,
                                             std::make_index_sequence<std::tuple_size_v<Params>>());
                }
            };
            if constexpr (std::is_void_v<Result>) {
                invoke();
                return {};
            } else if constexpr (is_stream_v<std::decay_t<Result>>) {
                return detail::run_stream(invoke(), progress);
            } else {
                return detail::to_outputs(invoke());
            }
        };
    }
}

}  // namespace imgr
