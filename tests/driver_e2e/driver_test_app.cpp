// The driver's end-to-end test app: one component of each kind a script sets,
// a button whose handler combines them into outputs, a field that becomes
// interactive only after a click, and two components sharing a label.
#include <imgr/imgr.h>

#include <chrono>
#include <string>
#include <thread>

int main(int argc, char** argv) {
    imgr::Blocks demo("driver test app");
    imgr::Handle<double> a, factor, result, twin_one, twin_two;
    imgr::Handle<std::string> operation, unit, name, summary, locked;
    imgr::Handle<bool> negate;
    imgr::Handle<imgr::StringList> tags;
    demo.row([&] {
        a = demo.add(imgr::Number("a", 1));
        factor = demo.add(imgr::Slider("factor", 0, 10, 1));
    });
    demo.row([&] {
        operation = demo.add(imgr::Radio("operation", {"add", "multiply", "power"}).value(std::string("add")));
        negate = demo.add(imgr::Checkbox("negate"));
    });
    demo.row([&] {
        unit = demo.add(imgr::Dropdown("unit", {"m", "cm", "mm"}).value(std::string("m")));
        tags = demo.add(imgr::CheckboxGroup("tags", {"red", "green", "blue"}));
    });
    name = demo.add(imgr::Textbox("name"));
    auto compute = demo.add(imgr::Button("Compute").primary());
    demo.row([&] {
        result = demo.add(imgr::Number("result"));
        summary = demo.add(imgr::Textbox("summary"));
    });
    auto unlock = demo.add(imgr::Button("Unlock"));
    locked = demo.add(imgr::Textbox("locked").interactive(false));
    demo.row([&] {
        twin_one = demo.add(imgr::Number("twin"));
        twin_two = demo.add(imgr::Number("twin"));
    });

    compute.click(
        [](double x, double f, const std::string& op, bool neg) {
            // A little work, so that a script's expect has a run to wait for.
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
            double r = op == "add" ? x + f : op == "multiply" ? x * f : 1;
            if (op == "power")
                for (int i = 0; i < (int)f; ++i) r *= x;
            return neg ? -r : r;
        },
        {a, factor, operation, negate}, result);
    compute.click(
        [](const std::string& u, const imgr::StringList& t, const std::string& who) {
            std::string text = who + " in " + u + ":";
            for (const std::string& tag : t) text += " " + tag;
            return text;
        },
        {unit, tags, name}, summary);
    unlock.click([] { return imgr::update().interactive(true); }, {}, locked);
    return demo.launch(argc, argv);
}
