// Benchmark 1, DSL overhead: the CPU cost of one frame of a Blocks of N
// components drawn by imgr's BlocksView, against hand-written ImGui code
// drawing the same widgets in the same layout. Headless (no window, no GL):
// a frame here is NewFrame + drawing + Render, the part imgr adds to.
//
//   bench_dsl                                  ms/frame for N = 10, 100, 1000, both sides
//   bench_dsl --impl imgr|imgr-busy|raw|raw-cull --n N --frames F
//                                              runs F frames inside bench_measured_frames()
//                                              (for valgrind --tool=callgrind
//                                               --toggle-collect=bench_measured_frames)
//
// The scene: N/5 rows, each Row[Column[Slider, Number], Column[Textbox, Button], Label],
// with one click listener per row (Button: slider, number, text -> Label), as a
// real demo wires its components.
#include "bench_common.h"

#include <imgr/engine/app/blocks.h>
#include <imgr/view/blocks_view.h>
#include <imgr/view/theme.h>

#include <imgui_stdlib.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>

namespace {

// While true, the rows' click handlers wait: a run stays in progress (the
// "busy" case, where the view asks the engine which outputs are busy).
std::atomic<bool> g_hold{false};

imgr::LabelValue sample_label(int unit) {
    return imgr::LabelValue(std::vector<std::pair<std::string, double>>{
        {"cat " + std::to_string(unit), 0.72}, {"dog", 0.21}, {"bird", 0.07}});
}

// --- imgr ---------------------------------------------------------------------

struct ImgrScene {
    imgr::Blocks blocks{"bench"};
    std::unique_ptr<imgr::BlocksView> view;
    imgr::Handle<std::string> first_button;

    explicit ImgrScene(int n) {
        for (int u = 0; u < n / 5; ++u) {
            const std::string k = std::to_string(u);
            imgr::Handle<double> slider, number;
            imgr::Handle<std::string> text, button;
            imgr::Handle<imgr::LabelValue> label;
            blocks.row([&] {
                blocks.column([&] {
                    slider = blocks.add(imgr::Slider("strength " + k, 0, 1, 0.5));
                    number = blocks.add(imgr::Number("count " + k, u));
                });
                blocks.column([&] {
                    text = blocks.add(imgr::Textbox("prompt " + k, "a photo of a cat"));
                    button = blocks.add(imgr::Button("Run " + k));
                });
                label = blocks.add(imgr::Label("class " + k).value(sample_label(u)));
            });
            button.click([](double s, double c, const std::string& t) {
                while (g_hold) std::this_thread::sleep_for(std::chrono::milliseconds(1));
                return imgr::LabelValue(t + " " + std::to_string(s * c));
            }, {slider, number, text}, label);
            if (u == 0) first_button = button;
        }
        view = std::make_unique<imgr::BlocksView>(blocks);
    }
    void draw() { view->draw(); }
};

// --- raw ImGui: what a person writes by hand for the same screen -----------------

struct RawUnit {
    std::string slider_label, number_label, text_label, button_label, label_label;
    double slider = 0.5, number = 0;
    char text[128] = "a photo of a cat";
    std::string top;
    std::vector<std::pair<std::string, double>> classes;
};

struct RawScene {
    std::vector<RawUnit> units;
    bool cull = false;  // skip the outlines of cards out of view, as imgr's view does

    RawScene(int n, bool cull_cards) : cull(cull_cards) {
        for (int u = 0; u < n / 5; ++u) {
            const std::string k = std::to_string(u);
            RawUnit unit;
            unit.slider_label = "strength " + k;
            unit.number_label = "count " + k;
            unit.text_label = "prompt " + k;
            unit.button_label = "Run " + k;
            unit.label_label = "class " + k;
            unit.number = u;
            unit.classes = sample_label(u).confidences;
            unit.top = unit.classes.front().first;
            units.push_back(std::move(unit));
        }
    }

    // A card: padding, a light background and a border behind the content,
    // drawn once the content's height is known (the usual channel split).
    template <class Body>
    void card(float width, Body body) const {
        const float em = ImGui::GetFontSize();
        const ImVec2 pad(em * 0.75f, em * 0.6f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 start = ImGui::GetCursorScreenPos();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(start.x + pad.x, start.y + pad.y));
        ImGui::BeginGroup();
        body(width - pad.x * 2);
        ImGui::EndGroup();
        const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad.y);
        dl->ChannelsSetCurrent(0);
        const float rounding = ImGui::GetStyle().ChildRounding;
        if (!cull || ImGui::IsRectVisible(start, end)) {
            dl->AddRectFilled(start, end, ImGui::GetColorU32(ImGuiCol_ChildBg), rounding);
            dl->AddRect(start, end, ImGui::GetColorU32(ImGuiCol_Border), rounding);
        }
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
        ImGui::Dummy(ImVec2(width, 0));
    }

    void draw() {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        const float em = ImGui::GetFontSize();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 1.25f, em));
        ImGui::Begin("##raw", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        ImGui::PopStyleVar();
        const ImGuiStyle& style = ImGui::GetStyle();
        const float column = (ImGui::GetContentRegionAvail().x - 2 * style.ItemSpacing.x) / 3;
        for (size_t i = 0; i < units.size(); ++i) {
            RawUnit& u = units[i];
            ImGui::PushID((int)i);
            ImGui::BeginGroup();  // column 1
            card(column, [&](float w) {
                ImGui::TextDisabled("%s", u.slider_label.c_str());
                ImGui::SetNextItemWidth(w);
                const double lo = 0, hi = 1;
                ImGui::SliderScalar("##slider", ImGuiDataType_Double, &u.slider, &lo, &hi, "%.2f");
            });
            card(column, [&](float w) {
                ImGui::TextDisabled("%s", u.number_label.c_str());
                ImGui::SetNextItemWidth(w);
                ImGui::InputDouble("##number", &u.number, 1.0, 10.0, "%g");
            });
            ImGui::EndGroup();
            ImGui::SameLine();
            ImGui::BeginGroup();  // column 2
            card(column, [&](float w) {
                ImGui::TextDisabled("%s", u.text_label.c_str());
                ImGui::SetNextItemWidth(w);
                ImGui::InputTextWithHint("##text", "", u.text, sizeof u.text);
            });
            ImGui::Button(u.button_label.c_str(), ImVec2(column, ImGui::GetFrameHeight() * 1.3f));
            ImGui::EndGroup();
            ImGui::SameLine();
            card(column, [&](float w) {  // column 3: the label
                ImGui::TextDisabled("%s", u.label_label.c_str());
                ImGui::TextUnformatted(u.top.c_str());
                for (const auto& [name, confidence] : u.classes) {
                    ImGui::TextUnformatted(name.c_str());
                    ImGui::SameLine(w - em * 2);
                    ImGui::Text("%.0f%%", confidence * 100);
                    ImGui::ProgressBar((float)confidence, ImVec2(w, em * 0.4f), "");
                }
            });
            ImGui::PopID();
        }
        ImGui::End();
    }
};

struct Side {
    bench::HeadlessContext context;
    std::unique_ptr<ImgrScene> imgr;
    std::unique_ptr<RawScene> raw;

    Side(const std::string& impl, int n) {
        context.make_current();
        imgr::apply_light_theme();  // the same style on every side
        if (impl.starts_with("imgr")) imgr = std::make_unique<ImgrScene>(n);
        else raw = std::make_unique<RawScene>(n, impl == "raw-cull");
    }
    // Starts the first row's run and keeps it running until g_hold is cleared.
    void hold_a_run() {
        g_hold = true;
        imgr->blocks.engine().fire(imgr->first_button.id(), imgr::Event::Click);
        frame();
    }
    void frame() {
        context.frame([&] {
            if (imgr) imgr->draw();
            else raw->draw();
        });
    }
};

}  // namespace

// What callgrind counts (--toggle-collect=bench_measured_frames): exactly `frames` frames.
// (void*: an extern "C" function cannot name a type of the anonymous namespace.)
extern "C" __attribute__((noinline)) void bench_measured_frames(void* side, int frames) {
    for (int i = 0; i < frames; ++i) static_cast<Side*>(side)->frame();
}

int main(int argc, char** argv) {
    std::string impl;
    int n = 100, frames = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--impl")) impl = argv[i + 1];
        else if (!std::strcmp(argv[i], "--n")) n = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--frames")) frames = std::atoi(argv[i + 1]);
    }
    if (!impl.empty()) {  // the fixed-frame mode for callgrind
        Side side(impl, n);
        for (int i = 0; i < 5; ++i) side.frame();  // first frames lay out and allocate
        if (impl == "imgr-busy") side.hold_a_run();
        bench_measured_frames(&side, frames);
        g_hold = false;
        return 0;
    }

    // Timing: short rounds alternate the sides so that drift hits all; each
    // frame is timed alone, each round keeps its median, and the lowest round
    // median is reported (other processes on the machine only ever add time).
    constexpr int kRounds = 6;
    constexpr double kRoundSeconds = 0.15;
    const char* const kSides[] = {"imgr", "raw", "raw-cull"};
    const auto timed_round = [&](Side& side) {
        std::vector<double> times;
        const auto round_start = bench::Clock::now();
        while (times.size() < 30 || bench::ms_between(round_start, bench::Clock::now()) < kRoundSeconds * 1000) {
            const auto t0 = bench::Clock::now();
            side.frame();
            times.push_back(bench::ms_between(t0, bench::Clock::now()));
        }
        return bench::percentile(times, 0.5);
    };
    for (int count : {10, 100, 1000}) {
        std::vector<std::unique_ptr<Side>> sides;
        for (const char* impl : kSides) sides.push_back(std::make_unique<Side>(impl, count));
        std::vector<double> rounds[3];
        for (int w = 0; w < 20; ++w)
            for (auto& side : sides) side->frame();
        for (int round = 0; round < kRounds; ++round)
            for (size_t s = 0; s < sides.size(); ++s) rounds[s].push_back(timed_round(*sides[s]));
        double ms[3];
        std::fprintf(stderr, "bench_dsl: N=%d", count);
        for (size_t s = 0; s < sides.size(); ++s) {
            ms[s] = bench::percentile(rounds[s], 0.0);
            // A check that the sides draw about the same: the vertices of their last frames.
            sides[s]->context.make_current();
            std::fprintf(stderr, "  %s %.4f ms (rounds %.4f..%.4f, %d vertices)", kSides[s], ms[s],
                         bench::percentile(rounds[s], 0.0), bench::percentile(rounds[s], 1.0),
                         ImGui::GetDrawData()->TotalVtxCount);
        }
        std::fprintf(stderr, "\n");
        const std::string what = "N=" + std::to_string(count);
        bench::row("1 DSL overhead", what, "ms/frame: imgr / raw / raw, culled cards",
                   bench::fmt("%.3f", ms[0]) + " / " + bench::fmt("%.3f", ms[1]) + " / " + bench::fmt("%.3f", ms[2]));
        bench::row("1 DSL overhead", what, "time ratio imgr/raw (imgr/raw culled)",
                   bench::fmt("%.2f", ms[0] / ms[1]) + " (" + bench::fmt("%.2f", ms[0] / ms[2]) + ")");

        // The same imgr frame while one row's run is in progress.
        Side& imgr_side = *sides[0];
        imgr_side.hold_a_run();
        std::vector<double> busy;
        for (int round = 0; round < 3; ++round) busy.push_back(timed_round(imgr_side));
        g_hold = false;
        bench::row("1 DSL overhead", what + ", a run in progress", "imgr ms/frame",
                   bench::fmt("%.3f", bench::percentile(busy, 0.0)));
    }
    return 0;
}
