// The script player against a real BlocksView in a headless ImGui context:
// real layout, real ImGui input handling, real engine events; no window.
// Time advances 1/60 s a frame, so timeouts and human-pace moves are exact.
#include <doctest/doctest.h>
#include <imgr/driver/script_player.h>
#include <imgr/model/image_io.h>
#include <imgui_internal.h>  // the open popups

#include "imgr/engine/app/blocks_access.h"
#include "imgr/engine/apps/interface.h"
#include "imgr/engine/engine.h"
#include "imgr/engine/flagging/csv.h"
#include "support/player_harness.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace imgr;
namespace fs = std::filesystem;

namespace {

fs::path temp_folder(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("imgr_player_" + std::to_string(getpid()) + "_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// One ImGui context, view and player (support/player_harness.h).
using Harness = test::PlayerHarness;

NodeId node_labelled(Blocks& blocks, const std::string& label) {
    const Layout& layout = BlocksAccess::layout(blocks);
    for (int i = 0; i < (int)layout.size(); ++i)
        if (layout.node(NodeId(i)).label == label) return NodeId(i);
    FAIL("no layout node is labelled " << label);
    return NodeId();
}

}  // namespace

TEST_CASE("set drags a slider to the value: its release fires and sees the exact value") {
    Blocks demo;
    auto s = demo.add(Slider("strength", 0, 10, 1));
    std::atomic<int> releases{0}, changes{0};
    std::atomic<double> released{-1};
    s.release([&](double v) { ++releases; released = v; }, {s});
    s.change([&](double) { ++changes; }, {s});
    Harness ui(demo, "set \"strength\" 7\n");
    CHECK(ui.run() == 0);
    CHECK(s.value() == 7.0);
    CHECK(releases == 1);  // only ImGui's slider fires release: it was dragged
    CHECK(released == 7.0);
    CHECK(changes >= 1);
}

TEST_CASE("a slider value between two pixels still ends exact, through the engine") {
    Blocks demo;
    auto s = demo.add(Slider("strength", 0, 100, 10));
    Harness ui(demo, "set \"strength\" 33.3333\n");
    CHECK(ui.run() == 0);
    CHECK(s.value() == doctest::Approx(33.3333).epsilon(1e-12));
}

TEST_CASE("set types into a Number and a Textbox, firing input and change") {
    Blocks demo;
    auto n = demo.add(Number("num1", 1));
    auto t = demo.add(Textbox("name", "old text"));
    auto echo = demo.add(Textbox("echo"));
    std::atomic<int> inputs{0};
    n.input([&](double) { ++inputs; }, {n});
    t.change([](const std::string& s) { return "<" + s + ">"; }, {t}, echo);
    Harness ui(demo, "set \"num1\" -12.5\nset \"name\" \"Zoë 你好\"\nexpect \"echo\" \"<Zoë 你好>\"\n");
    CHECK(ui.run() == 0);
    CHECK(n.value() == -12.5);
    CHECK(t.value() == "Zoë 你好");
    CHECK(inputs >= 1);
    CHECK(ui.player->engine_sets() == 0);  // typed, not set behind the field's back
    CHECK(ui.cache(n.id()).text == "-12.5");
}

TEST_CASE("set with an empty string clears a Textbox") {
    Blocks demo;
    auto t = demo.add(Textbox("name", "something"));
    Harness ui(demo, "set \"name\" \"\"\n");
    CHECK(ui.run() == 0);
    CHECK(t.value().empty());
    CHECK(ui.player->engine_sets() == 0);
}

TEST_CASE("text ImGui cannot type (a tab, a line break in one line) still ends exact") {
    Blocks demo;
    auto t = demo.add(Textbox("name"));
    Harness ui(demo, "set \"name\" \"a\\tb\\nc\"\n");
    CHECK(ui.run() == 0);
    CHECK(t.value() == "a\tb\nc");
    CHECK(ui.cache(t.id()).text == "a\tb\nc");  // the field shows it too, once left
}

TEST_CASE("a multi-line Textbox gets its line breaks typed") {
    Blocks demo;
    auto t = demo.add(Textbox("notes").lines(4));
    Harness ui(demo, "set \"notes\" \"one\\ntwo\"\n");
    CHECK(ui.run() == 0);
    CHECK(t.value() == "one\ntwo");
    CHECK(ui.player->engine_sets() == 0);
}

TEST_CASE("Radio, Checkbox, CheckboxGroup and Dropdown are set by clicking their choices") {
    Blocks demo;
    auto radio = demo.add(Radio("operation", {"add", "subtract", "multiply", "divide"}).value(std::string("add")));
    auto check = demo.add(Checkbox("negate"));
    auto group = demo.add(CheckboxGroup("tags", {"red", "green", "blue"}).value(StringList{"red"}));
    auto drop = demo.add(Dropdown("unit", {"m", "cm", "mm", "km"}).value(std::string("m")));
    auto multi = demo.add(Dropdown("sizes", {"S", "M", "L", "XL"}).multiselect());
    Harness ui(demo,
               "set \"operation\" \"multiply\"\n"
               "set \"negate\" true\n"
               "set \"tags\" [\"green\", \"blue\"]\n"
               "set \"unit\" \"mm\"\n"
               "set \"sizes\" [\"M\", \"XL\"]\n");
    CHECK(ui.run() == 0);
    CHECK(radio.value() == "multiply");
    CHECK(check.value() == true);
    CHECK(group.value() == StringList{"green", "blue"});
    CHECK(drop.value() == "mm");
    CHECK(multi.value() == StringList{"M", "XL"});
    CHECK(ui.player->engine_sets() == 0);
    CHECK(ui.player->misses() == 0);
    CHECK(ui.presses_inside(ui.target(radio.id()).choices.at(2)) == 1);  // "multiply", where the view drew it
    CHECK(ui.presses_inside(ui.target(group.id()).choices.at(0)) == 1);  // "red" unticked
    CHECK(ui.presses_inside(ui.target(check.id()).choices.at(0)) == 1);  // the box
    CHECK(ui.cache(drop.id()).display == "mm");       // the closed dropdown shows the choice
    CHECK(ImGui::GetCurrentContext()->OpenPopupStack.Size == 0);  // and its list is closed
}

TEST_CASE("a CheckboxGroup set in another order than its choices keeps the script's order") {
    Blocks demo;
    auto group = demo.add(CheckboxGroup("tags", {"red", "green", "blue"}));
    Harness ui(demo, "set \"tags\" [\"blue\", \"red\"]\n");
    CHECK(ui.run() == 0);
    CHECK(group.value() == StringList{"blue", "red"});
}

TEST_CASE("click presses the button under the pointer and its handler runs") {
    Blocks demo;
    auto a = demo.add(Number("a", 2));
    auto go = demo.add(Button("Double it"));
    auto out = demo.add(Number("out"));
    go.click([](double x) { return x * 2; }, {a}, out);
    Harness ui(demo, "set \"a\" 21\nclick \"Double it\"\nexpect \"out\" 42\n");
    CHECK(ui.run() == 0);
    CHECK(out.value() == 42.0);
    CHECK(ui.player->misses() == 0);  // pressed through ImGui, not fired by the engine
    CHECK(ui.target(go.id()).widget.contains(ui.player->pointer()));
    CHECK(ui.presses_inside(ui.target(go.id()).widget) == 1);
}

TEST_CASE("a button below the window's edge is scrolled into view, then clicked") {
    Blocks demo;
    for (int i = 0; i < 12; ++i) demo.add(Textbox("filler " + std::to_string(i)).lines(3));
    auto go = demo.add(Button("Far away"));
    auto out = demo.add(Number("out"));
    go.click([] { return 1.0; }, {}, out);
    Harness ui(demo, "click \"Far away\"\nexpect \"out\" 1\n", {.fast = true, .report = false},
               fs::temp_directory_path(), ImVec2(800, 400));
    CHECK(ui.run() == 0);
    CHECK(out.value() == 1.0);
    const ImVec2 p = ui.player->pointer();
    CHECK((p.y > 0 && p.y < 400));
}

TEST_CASE("a failed expect exits 1 with FILE:LINE: expected X, got Y, and the script goes on") {
    Blocks demo;
    auto a = demo.add(Number("a", 5));
    Harness ui(demo, "# check\nexpect \"a\" 12\nset \"a\" 7\nexpect \"a\" 7\nexpect \"a\" \"seven\"\n");
    CHECK(ui.run() == 1);
    CHECK(a.value() == 7.0);
    REQUIRE(ui.player->failures().size() == 2);
    CHECK(ui.player->failures()[0] == "tour.txt:2: expected 12, got 5");
    CHECK(ui.player->failures()[1].rfind("tour.txt:5: expected \"seven\", got 7", 0) == 0);
}

TEST_CASE("a label that names no component, or several, stops the script with exit 2") {
    Blocks demo;
    demo.add(Number("num1"));
    demo.add(Number("twin"));
    demo.add(Slider("twin", 0, 1));
    SUBCASE("none") {
        Harness ui(demo, "set \"num1\" 1\nset \"num3\" 2\nset \"num1\" 3\n");
        CHECK(ui.run() == 2);
        REQUIRE(ui.player->failures().size() == 1);
        CHECK(ui.player->failures()[0].rfind("tour.txt:2: no component is labelled \"num3\" (the labels are \"num1\"", 0) == 0);
        CHECK(std::get<double>(demo.engine().component(0).spec.value) == 1.0);  // stopped before line 3
    }
    SUBCASE("several") {
        Harness ui(demo, "expect \"twin\" 0\n");
        CHECK(ui.run() == 2);
        REQUIRE(ui.player->failures().size() == 1);
        CHECK(ui.player->failures()[0] == "tour.txt:1: 2 components are labelled \"twin\" (Number, Slider); a script "
                                          "needs the label to name one");
    }
}

TEST_CASE("commands that do not fit the component are script errors") {
    Blocks demo;
    demo.add(Number("num1"));
    demo.add(Button("Go"));
    SUBCASE("click on a Number") {
        Harness ui(demo, "click \"num1\"\n");
        CHECK(ui.run() == 2);
        CHECK(ui.player->failures()[0] == "tour.txt:1: cannot click \"num1\": it is a Number, not a button (use set or upload)");
    }
    SUBCASE("set a Number to a string") {
        Harness ui(demo, "set \"num1\" \"five\"\n");
        CHECK(ui.run() == 2);
        CHECK(ui.player->failures()[0].rfind("tour.txt:1: cannot set \"num1\": Number needs a number", 0) == 0);
    }
    SUBCASE("upload a missing file") {
        demo.add(Image("picture"));
        Harness ui(demo, "upload \"picture\" \"/nonexistent/cat.png\"\n");
        CHECK(ui.run() == 2);
        CHECK(ui.player->failures()[0] == "tour.txt:1: cannot upload \"/nonexistent/cat.png\": no such file");
    }
}

TEST_CASE("an action waits until its component becomes interactive") {
    Blocks demo;
    auto unlock = demo.add(Button("Unlock"));
    auto locked = demo.add(Textbox("locked").interactive(false));
    unlock.click(
        [] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            return update().interactive(true);
        },
        {}, locked);
    Harness ui(demo, "click \"Unlock\"\nset \"locked\" \"open now\"\n");
    ui.settle_engine = false;  // the handler finishes while frames go on
    CHECK(ui.run() == 0);
    CHECK(locked.value() == "open now");
}

TEST_CASE("a component that never becomes interactive is a script error after 10 s") {
    Blocks demo;
    auto locked = demo.add(Textbox("locked").interactive(false));
    Harness ui(demo, "set \"locked\" \"x\"\n");
    CHECK(ui.run() == 2);
    CHECK(ui.player->failures()[0] == "tour.txt:1: cannot set \"locked\": it is not interactive (waited 10 s)");
    CHECK(ui.frames >= 600);  // 10 s at 1/60 s a frame
    CHECK(ui.frames < 700);
    CHECK(locked.value().empty());
}

TEST_CASE("wait N draws N frames, and wait 500ms draws 30 frames at 60 fps") {
    Blocks demo;
    demo.add(Number("a"));
    auto frames_for = [&](std::string_view script) {
        Harness ui(demo, script);
        ui.run();
        return ui.frames;
    };
    const int base = frames_for("expect \"a\" 0\n");
    CHECK(frames_for("wait 100\nexpect \"a\" 0\n") - base == 100);
    CHECK(frames_for("wait 500ms\nexpect \"a\" 0\n") - base == 30);
}

TEST_CASE("wait idle returns once the handlers have finished") {
    Blocks demo;
    auto go = demo.add(Button("Slow"));
    auto out = demo.add(Number("out"));
    go.click(
        [] {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            return 1.0;
        },
        {}, out);
    SUBCASE("with wait idle, the result is there when the script quits") {
        Harness ui(demo, "click \"Slow\"\nwait idle\nquit\n");
        ui.settle_engine = false;
        CHECK(ui.run() == 0);
        CHECK(out.value() == 1.0);
    }
    SUBCASE("without it, quit does not wait") {
        Harness ui(demo, "click \"Slow\"\nquit\n");
        ui.settle_engine = false;
        CHECK(ui.run() == 0);
        CHECK(out.value() == 0.0);
    }
}

TEST_CASE("wait idle returns in a frame that shows the toast the last run raised") {
    Blocks demo;
    auto go = demo.add(Button("Fail"));
    go.click([] { throw Error("nothing to do"); }, {});
    Harness ui(demo, "click \"Fail\"\nwait idle\nquit\n");  // quit in the frame wait idle returns
    CHECK(ui.run() == 0);
    REQUIRE(ui.view->toasts().size() == 1);
    CHECK(ui.view->toasts().front().message.text.find("nothing to do") != std::string::npos);
    CHECK(ui.view->toasts().front().visible);
}

TEST_CASE("screenshot writes the frame as PNG, making its folder") {
    Blocks demo;
    demo.add(Number("a"));
    const fs::path dir = temp_folder("shot");
    Harness ui(demo, "screenshot \"shots/first.png\"\n", {.fast = true, .report = false}, dir, ImVec2(320, 200));
    CHECK(ui.run() == 0);
    ImageLoadResult shot = load_image_file((dir / "shots/first.png").string());
    REQUIRE_MESSAGE(shot, shot.error);
    CHECK(shot.image.width() == 320);
    CHECK(shot.image.height() == 200);
}

TEST_CASE("upload loads the file into the Image, firing upload") {
    Blocks demo;
    auto picture = demo.add(Image("picture"));
    std::atomic<int> uploads{0};
    picture.upload([&](const ImageBuffer&) { ++uploads; }, {picture});
    const fs::path dir = temp_folder("upload");
    REQUIRE(save_png((dir / "cat.png").string(), ImageBuffer(4, 3, 3, std::vector<float>(36, 0.5f))).ok());
    Harness ui(demo, "upload \"picture\" \"cat.png\"\nexpect \"picture\" [4, 3]\n", {.fast = true, .report = false}, dir);
    CHECK(ui.run() == 0);
    CHECK(uploads == 1);
}

TEST_CASE("at human pace the pointer glides to its target over a few tenths of a second") {
    Blocks demo;
    auto go = demo.add(Button("Go"));
    auto out = demo.add(Number("out"));
    go.click([] { return 1.0; }, {}, out);
    SUBCASE("human") {
        Harness ui(demo, "click \"Go\"\n", {.fast = false, .report = false});
        CHECK(ui.run() == 0);
        CHECK(out.value() == 1.0);
        // Frames in which the pointer was moving from the start towards the button.
        int moving = 0;
        for (size_t i = 1; i < ui.pointer_path.size(); ++i)
            moving += ui.pointer_path[i].x != ui.pointer_path[i - 1].x || ui.pointer_path[i].y != ui.pointer_path[i - 1].y;
        CHECK(moving >= 18);   // at least 0.3 s at 60 fps
        CHECK(moving <= 31);   // at most 0.5 s
    }
    SUBCASE("fast") {
        Harness ui(demo, "click \"Go\"\n");
        CHECK(ui.run() == 0);
        int moving = 0;
        for (size_t i = 1; i < ui.pointer_path.size(); ++i)
            moving += ui.pointer_path[i].x != ui.pointer_path[i - 1].x || ui.pointer_path[i].y != ui.pointer_path[i - 1].y;
        CHECK(moving == 1);
    }
}

TEST_CASE("a component in another tab or in a closed accordion is brought into view first, as a person would") {
    Blocks demo;
    Handle<double> first, deep, folded;
    Handle<bool> ticked;
    demo.tabs([&] {
        demo.tab("One", [&] { first = demo.add(Number("first")); });
        demo.tab("Two", [&] {
            demo.tabs([&] {
                demo.tab("Inner A", [&] { demo.add(Number("unused")); });
                demo.tab("Inner B", [&] { deep = demo.add(Number("deep")); });
            });
            demo.accordion("More", [&] {
                folded = demo.add(Number("folded"));
                ticked = demo.add(Checkbox("ticked"));
            }, false);
        });
    });
    Harness ui(demo, "set \"deep\" 6\nset \"folded\" 4\nset \"ticked\" true\nset \"first\" 2\n");
    CHECK(ui.run() == 0);
    CHECK(deep.value() == 6.0);
    CHECK(folded.value() == 4.0);
    CHECK(ticked.value() == true);
    CHECK(first.value() == 2.0);
    CHECK(ui.player->engine_sets() == 0);  // every value went through the widgets, each shown first
    CHECK(ui.player->misses() == 0);
    // Each tab and the accordion opened by a press on its header, where the view drew it.
    for (const char* header : {"Two", "Inner B", "More", "One"}) {
        CAPTURE(header);
        CHECK(ui.presses_inside(ui.view->targets().header(node_labelled(demo, header)).rect) == 1);
    }
}

TEST_CASE("with twice ImGui's spacing, padding and grab size the pointer still finds every target") {
    Blocks demo;
    Handle<double> slider;
    Handle<std::string> radio;
    demo.tabs([&] {
        demo.tab("First", [&] { demo.add(Number("unused")); });
        demo.tab("Second", [&] {
            demo.accordion("Folded", [&] {
                slider = demo.add(Slider("strength", 0, 10, 1));
                radio = demo.add(Radio("operation", {"add", "subtract", "multiply"}).value(std::string("add")));
            }, false);
        });
    });
    std::atomic<int> releases{0};
    slider.release([&](double) { ++releases; }, {slider});
    Harness ui(demo, "set \"strength\" 9\nset \"operation\" \"subtract\"\n");
    ImGui::GetStyle().ScaleAllSizes(2.0f);
    CHECK(ui.run() == 0);
    CHECK(slider.value() == 9.0);
    CHECK(releases == 1);  // dragged by its grab, not set behind its back
    CHECK(radio.value() == "subtract");
    CHECK(ui.player->misses() == 0);
    CHECK(ui.presses_inside(ui.target(slider.id()).widget) == 1);
    CHECK(ui.presses_inside(ui.target(radio.id()).choices.at(1)) == 1);
}

TEST_CASE("submit clicks the Textbox and presses Enter: its submit handler runs") {
    Blocks demo;
    auto question = demo.add(Textbox("question"));
    auto notes = demo.add(Textbox("notes").lines(3));
    auto answer = demo.add(Textbox("answer"));
    std::atomic<int> submits{0};
    question.submit([&](const std::string& q) { ++submits; return "you asked: " + q; }, {question}, answer);
    notes.submit([&](const std::string& n) { ++submits; return "notes: " + n; }, {notes}, answer);
    SUBCASE("one line: Enter") {
        Harness ui(demo, "set \"question\" \"why?\"\nsubmit \"question\"\nexpect \"answer\" \"you asked: why?\"\n");
        CHECK(ui.run() == 0);
        CHECK(submits == 1);
        CHECK(ui.player->misses() == 0);  // Enter went through ImGui
        CHECK(ui.presses_inside(ui.target(question.id()).widget) == 2);  // set and submit each clicked the field
    }
    SUBCASE("several lines: Ctrl+Enter, as a person submits there") {
        Harness ui(demo, "set \"notes\" \"a\\nb\"\nsubmit \"notes\"\nexpect \"answer\" \"notes: a\\nb\"\n");
        CHECK(ui.run() == 0);
        CHECK(submits == 1);
        CHECK(ui.player->misses() == 0);
        CHECK(notes.value() == "a\nb");  // Enter did not type a line break
    }
    SUBCASE("submit on anything but a Textbox is a script error") {
        demo.add(Number("n"));
        Harness ui(demo, "submit \"n\"\n");
        CHECK(ui.run() == 2);
        REQUIRE(ui.player->failures().size() == 1);
        CHECK(ui.player->failures()[0] == "tour.txt:1: cannot submit \"n\": it is a Number, not a Textbox");
    }
}


namespace {
// Counts up every couple of milliseconds until stopped, far past what a tour waits for.
Stream<double> count_up_slowly() {
    for (int i = 1; i <= 100000; ++i) {
        co_yield (double)i;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}
}  // namespace

TEST_CASE("wait until acts in the middle of a stream - click \"Stop\" stops it and the value stays") {
    Blocks demo;
    auto go = demo.add(Button("Count"));
    auto stop = demo.add(Button("Stop"));
    auto out = demo.add(Number("out"));
    auto run = go.click(count_up_slowly, {}, out);
    stop.click(nullptr, {}, {}, {.cancels = {run}});
    Harness ui(demo, "click \"Count\"\nwait until \"out\" 20\nclick \"Stop\"\nwait idle\n");
    ui.settle_engine = false;  // the stream runs while frames go on
    CHECK(ui.run() == 0);
    CHECK(out.value() >= 20);
    CHECK(out.value() < 100000);
    const double after_stop = out.value();
    for (int i = 0; i < 20; ++i) ui.frame();
    CHECK(out.value() == after_stop);
}

TEST_CASE("wait until a value that never shows stops the script after 10 s with exit 2 and FILE:LINE") {
    Blocks demo;
    auto out = demo.add(Number("out", 3));
    Harness ui(demo, "expect \"out\" 3\nwait until \"out\" 4\nexpect \"out\" 3\n");
    CHECK(ui.run() == 2);
    REQUIRE(ui.player->failures().size() == 1);
    CHECK(ui.player->failures()[0] == "tour.txt:2: wait until: \"out\" did not show 4 within 10 s (expected 4, got 3)");
    CHECK(ui.frames >= 600);  // 10 s at 1/60 s a frame
    CHECK(ui.frames < 700);
    CHECK(out.value() == 3);
}

// Issue 21 #9: a five-flag tour at --pace fast saved four rows and exited 0: a
// result pushed the flag buttons below the window after the player had aimed,
// the press landed on nothing, and the flag was dropped with a note.
namespace {

std::string markdown_lines(int count) {
    std::string text;
    for (int i = 1; i <= count; ++i) text += "- line " + std::to_string(i) + "\n";
    return text;
}

// An Interface whose one output is `n` lines of Markdown (60 to start with, so the
// flag buttons under it start below the 700-pixel window), with five flag options.
struct FiveFlags {
    fs::path dir;
    Interface demo;
    explicit FiveFlags(const std::string& name)
        : dir(temp_folder(name)),
          demo([](double n) { return markdown_lines((int)n); }, {Number("n", 60)}, Markdown(markdown_lines(60)),
               {.flagging_options = {"a", "b", "c", "d", "e"}, .flagging_dir = dir.string()}) {}
    ComponentId button(const std::string& text) { return demo.engine().find_by_label(text).at(0); }
    ComponentId output() {
        for (size_t i = 0; i < demo.engine().component_count(); ++i) {
            const ComponentState& state = demo.engine().component((ComponentId)i);
            if (state.spec.kind == ComponentKind::Markdown && state.used_as_output) return (ComponentId)i;
        }
        FAIL("no Markdown output");
        return -1;
    }
    // The flag column of each saved row, in order, joined by commas.
    std::string flags_saved() const {
        std::ifstream in(dir / "logs.csv", std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const auto rows = parse_csv(text.str());
        std::string flags;
        if (rows.empty()) return flags;
        const auto column = std::find(rows[0].begin(), rows[0].end(), "flag") - rows[0].begin();
        for (size_t r = 1; r < rows.size(); ++r) flags += (r > 1 ? "," : "") + rows[r].at((size_t)column);
        return flags;
    }
};

// Five results, each flagged with another option; `wait idle` makes sure each row is on disk.
constexpr const char* kFiveFlagTour =
    "set \"n\" 61\nclick \"Submit\"\nwait idle\nclick \"Flag as a\"\nwait idle\n"
    "set \"n\" 62\nclick \"Submit\"\nwait idle\nclick \"Flag as b\"\nwait idle\n"
    "set \"n\" 63\nclick \"Submit\"\nwait idle\nclick \"Flag as c\"\nwait idle\n"
    "set \"n\" 64\nclick \"Submit\"\nwait idle\nclick \"Flag as d\"\nwait idle\n"
    "set \"n\" 65\nclick \"Submit\"\nwait idle\nclick \"Flag as e\"\nwait idle\n";

}  // namespace

TEST_CASE("a five-flag tour whose flag buttons start below the window saves five rows, by the pointer") {
    FiveFlags app("five_flags");
    Harness ui(app.demo, kFiveFlagTour);
    const ComponentId flag_c = app.button("Flag as c"), output = app.output();
    bool started_below = false, pushed = false;
    ui.before_each_frame = [&] {
        if (ui.frames == 0) return;  // nothing drawn yet
        if (ui.frames == 3) started_below = ui.target(app.button("Flag as a")).widget.min.y > 700;
        // As the pointer gets to "Flag as c", a taller result pushes it out of the window:
        // the press lands where the button was, on nothing.
        if (!pushed && ui.target(flag_c).widget.contains(ui.player->pointer())) {
            pushed = true;
            app.demo.engine().set_from_program(output, markdown_lines(200));
        }
    };
    CHECK(ui.run() == 0);
    CHECK(started_below);
    CHECK(pushed);
    CHECK(app.flags_saved() == "a,b,c,d,e");
    CHECK(ui.player->misses() == 0);  // each flag pressed by the pointer, none by the engine
}

TEST_CASE("a click that never reaches its button is a script error, and nothing is flagged for it") {
    FiveFlags app("runaway_flag");
    Harness ui(app.demo, kFiveFlagTour);
    const ComponentId flag_c = app.button("Flag as c"), output = app.output();
    int lines = 63, pushes = 0;
    bool was_on = false;
    ui.before_each_frame = [&] {
        if (ui.frames == 0) return;
        // Each time the pointer gets to "Flag as c" it is pushed away again.
        const bool on = ui.target(flag_c).widget.contains(ui.player->pointer());
        if (on && !was_on) {
            ++pushes;
            lines += 100;
            app.demo.engine().set_from_program(output, markdown_lines(lines));
        }
        was_on = on;
    };
    CHECK(ui.run() == 2);
    CHECK(pushes == 3);
    REQUIRE(ui.player->failures().size() == 1);
    CHECK(ui.player->failures()[0] ==
          "tour.txt:14: cannot click \"Flag as c\": no press reached it in 3 tries (something else was under the "
          "pointer, or it moved away before the release)");
    CHECK(app.flags_saved() == "a,b");
}

TEST_CASE("a like whose button a taller answer pushes away as the pointer arrives is still given, by the pointer") {
    Blocks demo;
    auto above = demo.add(Markdown(markdown_lines(3)));
    Conversation chat_value;
    chat_value.messages = {{ChatRole::User, "hello", {}}, {ChatRole::Assistant, "hi there", {}}};
    auto chat = demo.add(Chatbot().value(chat_value));
    std::atomic<int> likes{0};
    chat.like([&](const LikeData&) { ++likes; });
    Harness ui(demo, "like \"Chatbot\" 1\n");
    bool pushed = false;
    ui.before_each_frame = [&] {
        if (ui.frames == 0 || pushed) return;
        const ComponentTargets& t = ui.target(chat.id());
        if (t.choices.size() > 2 && t.choices[2].contains(ui.player->pointer())) {
            pushed = true;
            demo.engine().set_from_program(above.id(), markdown_lines(200));
        }
    };
    CHECK(ui.run() == 0);
    CHECK(pushed);
    CHECK(chat.value().messages[1].liked == true);
    CHECK(likes == 1);
    CHECK(ui.player->misses() == 0);
}
