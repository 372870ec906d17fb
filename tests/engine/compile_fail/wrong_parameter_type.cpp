// Must not compile: parameter 2 is bool, but input 2 (a Slider) gives double.
#include <imgr/engine/app/blocks.h>

#include <string>

std::string describe(int count, bool flag) { return std::to_string(count) + (flag ? "!" : ""); }

int main() {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n"));
    auto x = demo.add(imgr::Slider("x", 0, 1, 0.5));
    auto out = demo.add(imgr::Textbox("out"));
    n.change(describe, {n, x}, out);
}
