// Must not compile: the handler takes an int where the Number gives a double.
#include <imgr/engine/blocks.h>

int main() {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n"));
    auto out = demo.add(imgr::Number("out"));
    n.change([](int x) { return (double)x; }, {n}, out);
}
