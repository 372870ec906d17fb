// Must not compile: the handler returns a string for a Number output.
#include <imgr/engine/app/blocks.h>

#include <string>

int main() {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n"));
    auto out = demo.add(imgr::Number("out"));
    n.change([](double x) { return std::to_string(x); }, {n}, out);
}
