// Compile-time wiring of handlers to components: a handler's parameter types
// must be its input components' value types, and its return value must fill
// its outputs. A mismatch is a static_assert naming the rule, not a run-time error.
#pragma once
#include "imgr/engine/engine.h"

#include <array>
#include <functional>
#include <tuple>
#include <type_traits>

namespace imgr {

class Blocks;
template <class T>
class Handle;

// Any component, whatever its value type: for handlers taking `const Values&`
// and for a FlaggingCallback's setup, which needs the labels.
struct ComponentRef {
    ComponentId id = -1;
    std::string label;
    ComponentKind kind = ComponentKind::Textbox;
    const Blocks* blocks = nullptr;  // the app it belongs to (its --flagging-dir, for setup())
    template <class T>
    ComponentRef(const Handle<T>& handle);  // NOLINT: any handle converts (defined in blocks.h)
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
struct is_tuple : std::false_type {};
template <class... T>
struct is_tuple<std::tuple<T...>> : std::true_type {};

template <class T>
inline constexpr bool dependent_false = false;

}  // namespace detail

// The input components of a handler whose parameters are T...
template <class... T>
struct Inputs {
    std::array<ComponentId, sizeof...(T)> ids{};
    Inputs() {
        static_assert(sizeof...(T) == 0,
                      "imgr: this handler takes parameters: list its input components, e.g. {num1, operation, num2}");
    }
    template <class... H>
    Inputs(const Handle<H>&... handles) : ids{handles.id()...} {  // NOLINT: braces read naturally
        static_assert(sizeof...(H) == sizeof...(T),
                      "imgr: the number of input components differs from the number of the handler's parameters");
        if constexpr (sizeof...(H) == sizeof...(T))
            static_assert((std::is_same_v<H, T> && ...),
                          "imgr: a handler parameter's type differs from its input component's value type "
                          "(Number and Slider give double; Textbox, Radio, Dropdown and Button give std::string; "
                          "Checkbox bool; CheckboxGroup imgr::StringList; Image imgr::ImageBuffer; Label "
                          "imgr::LabelValue; Plot imgr::PlotValue; JSON imgr::Json; ColorPicker imgr::Color; "
                          "Dataframe imgr::TableValue)");
    }
    std::vector<ComponentId> list() const { return {ids.begin(), ids.end()}; }
};

// For handlers taking `const imgr::Values&`: any components, any types.
struct AnyInputs {
    std::vector<ComponentId> ids;
    AnyInputs() = default;
    AnyInputs(std::initializer_list<ComponentRef> refs) {
        for (const ComponentRef& r : refs) ids.push_back(r.id);
    }
    template <class H>
    AnyInputs(const Handle<H>& handle) : ids{handle.id()} {}  // NOLINT
    std::vector<ComponentId> list() const { return ids; }
};

// The output components filled by a handler returning T (or std::tuple<T...>).
// An element of type Update fits any component.
template <class... T>
struct Outputs {
    std::array<ComponentId, sizeof...(T)> ids{};
    Outputs() {
        static_assert(sizeof...(T) == 0,
                      "imgr: this handler returns a value: give the output component(s) it fills");
    }
    template <class... H>
    Outputs(const Handle<H>&... handles) : ids{handles.id()...} {  // NOLINT
        static_assert(sizeof...(H) == sizeof...(T),
                      "imgr: the number of output components differs from the number of values the handler "
                      "returns (return a std::tuple for several outputs)");
        if constexpr (sizeof...(H) == sizeof...(T))
            static_assert(((std::is_same_v<H, T> || std::is_same_v<T, Update>) && ...),
                          "imgr: the handler's return type differs from its output component's value type "
                          "(Number and Slider take double; Textbox and Markdown std::string; Label "
                          "imgr::LabelValue; Image imgr::ImageBuffer; ... or return imgr::Update)");
    }
    std::vector<ComponentId> list() const { return {ids.begin(), ids.end()}; }
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

template <class F>
using params_of = typename strip_progress<typename callable<F>::args>::type;

template <class T>
std::optional<Update> to_update(T&& value) {
    if constexpr (std::is_same_v<std::decay_t<T>, Update>)
        return std::forward<T>(value);
    else
        return Update().value(std::forward<T>(value));
}

// Calls fn with the snapshot values converted to its parameter types.
template <class F, class... A, size_t... I>
decltype(auto) call_with(F& fn, const Values& inputs, Progress& progress, std::tuple<A...>*, std::index_sequence<I...>) {
    if constexpr (strip_progress<typename callable<F>::args>::has_progress)
        return fn(std::get<std::decay_t<A>>(inputs[I])..., progress);
    else
        return fn(std::get<std::decay_t<A>>(inputs[I])...);
}

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
    return [fn = std::move(fn)](const Values& inputs, Progress& progress) mutable -> HandlerOutputs {
        auto invoke = [&]() -> decltype(auto) {
            if constexpr (std::is_same_v<typename detail::inputs_for<Params>::type, AnyInputs>) {
                if constexpr (detail::strip_progress<typename detail::callable<F>::args>::has_progress)
                    return fn(inputs, progress);
                else
                    return fn(inputs);
            } else {
                return detail::call_with(fn, inputs, progress, (Params*)nullptr,
                                         std::make_index_sequence<std::tuple_size_v<Params>>());
            }
        };
        if constexpr (std::is_void_v<Result>) {
            invoke();
            return {};
        } else if constexpr (detail::is_tuple<std::decay_t<Result>>::value) {
            return std::apply([](auto&&... values) { return HandlerOutputs{detail::to_update(std::move(values))...}; },
                              invoke());
        } else {
            return HandlerOutputs{detail::to_update(invoke())};
        }
    };
}

}  // namespace imgr
