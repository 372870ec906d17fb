// Must not compile: two parameters, one input component.
#include <imgr/engine/app/blocks.h>

int main() {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n"));
    auto out = demo.add(imgr::Number("out"));
    n.change([](double a, double b) { return a + b; }, {n}, out);
}
