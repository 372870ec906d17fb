// The public API used wrongly: a clear imgr::UsageError naming the problem,
// never a null dereference or a listener wired to another demo's component.
#include "imgr/engine/engine.h"
#include <doctest/doctest.h>
#include <imgr/engine/app/blocks.h>
#include <imgr/engine/apps/interface.h>
#include <imgr/engine/flagging/flagging_callback.h>
#include <support/settle.h>

#include <memory>
#include <mutex>
#include <string>

namespace {

double twice(double x) { return x * 2; }

// What a UsageError says, or "" when none is thrown.
template <class F>
std::string usage_error_of(F action) {
    try {
        action();
    } catch (const imgr::UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("an event method on a default-constructed Handle is a UsageError saying so") {
    imgr::Blocks demo("calc");
    auto out = demo.add(imgr::Number("out"));
    imgr::Handle<double> never_added;
    const std::string message = usage_error_of([&] { never_added.change(twice, {never_added}, out); });
    CHECK(message == "imgr: .change() on a Handle used before demo.add() gave it a component");
    CHECK(demo.engine().component_count() == 1);
    CHECK(usage_error_of([&] { (void)never_added.value(); }).find(".value()") != std::string::npos);
    CHECK(usage_error_of([&] { never_added.set(1.0); }).find(".set()") != std::string::npos);
}

TEST_CASE("a default-constructed Handle among the inputs or outputs is a UsageError naming its place") {
    imgr::Blocks demo("calc");
    auto a = demo.add(imgr::Number("a"));
    auto out = demo.add(imgr::Number("out"));
    imgr::Handle<double> never_added;
    CHECK(usage_error_of([&] { a.change([](double x, double y) { return x + y; }, {a, never_added}, out); }) ==
          "imgr: input 2 of change of 'a': a Handle used before demo.add() gave it a component");
    CHECK(usage_error_of([&] { a.change(twice, {a}, never_added); }) ==
          "imgr: output of change of 'a': a Handle used before demo.add() gave it a component");
    CHECK(usage_error_of([&] { (void)imgr::ComponentRef(never_added); }).find("before demo.add()") !=
          std::string::npos);
}

TEST_CASE("a Handle of another Blocks is a UsageError naming both demos, and wires nothing") {
    imgr::Blocks first("First"), second("Second");
    auto a = first.add(imgr::Number("a"));
    auto out = first.add(imgr::Number("out"));
    auto foreign = second.add(imgr::Number("x"));
    CHECK(usage_error_of([&] { a.change(twice, {foreign}, out); }) ==
          "imgr: input of change of 'a': this Handle belongs to Blocks \"Second\", not \"First\"");
    CHECK(usage_error_of([&] { a.change(twice, {a}, foreign); }) ==
          "imgr: output of change of 'a': this Handle belongs to Blocks \"Second\", not \"First\"");
    CHECK(usage_error_of([&] { first.on({foreign.on(imgr::Event::Change)}, twice, {a}, out); }) ==
          "imgr: trigger of Blocks::on(): this Handle belongs to Blocks \"Second\", not \"First\"");
    auto foreign_switch = second.add(imgr::Checkbox("running"));
    CHECK(usage_error_of([&] { first.every(1.0, [] {}, {}, {}, {}, foreign_switch); }) ==
          "imgr: active checkbox of Blocks::every(): this Handle belongs to Blocks \"Second\", not \"First\"");
    auto chain = a.change(twice, {a}, out);
    CHECK(usage_error_of([&] { chain.then(twice, {foreign}, out); }).find("belongs to Blocks \"Second\"") !=
          std::string::npos);
    // Nothing was wired by the refused calls: a change of `a` runs the one good listener only.
    first.engine().set_from_user(a.id(), 2.0);
    imgr_test::settle(first.engine());
    CHECK(out.value() == 4.0);
    CHECK(first.engine().runs_started() == 1);
}

namespace {

// The smallest flagging callback: setup and flag only, as samples/custom_flagging.cpp claims.
class MemoryLogger : public imgr::FlaggingCallback {
public:
    void setup(std::vector<imgr::FlagField> fields, std::string, imgr::FlagSetup) override { fields_ = std::move(fields); }
    int flag(const std::vector<imgr::Value>& values, const std::string& option) override {
        std::lock_guard lock(mutex_);
        rows.push_back(imgr::to_cell(values.at(0)) + "," + option);
        return (int)rows.size();
    }
    std::mutex mutex_;
    std::vector<imgr::FlagField> fields_;
    std::vector<std::string> rows;
};

}  // namespace

TEST_CASE("a FlaggingCallback needs only setup and flag - the rest keeps nothing back") {
    auto logger = std::make_shared<MemoryLogger>();
    imgr::FlaggingCallback& callback = *logger;
    CHECK(callback.pending_count() == 0);
    CHECK(callback.retry_pending() == 0);

    imgr::Interface demo(twice, {imgr::Number("x")}, imgr::Number("y"),
                         {.flagging_options = {"odd"}, .flagging_callback = logger});
    REQUIRE(logger->fields_.size() == 2);
    CHECK(logger->fields_[0].label == "x");
    auto& engine = demo.engine();
    engine.set_from_user(demo.inputs()[0], 21.0);
    const auto flag_button = engine.find_by_label("Flag as odd");
    REQUIRE(flag_button.size() == 1);
    engine.fire(flag_button[0], imgr::Event::Click);
    imgr_test::settle(engine);
    REQUIRE(logger->rows.size() == 1);
    CHECK(logger->rows[0] == "21,odd");
}
