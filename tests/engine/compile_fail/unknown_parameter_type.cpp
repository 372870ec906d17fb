// Must not compile: no component gives a std::vector<int> (one error, no cascade from the call).
#include <imgr/engine/app/blocks.h>

#include <vector>

int main() {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n"));
    auto out = demo.add(imgr::Number("out"));
    n.change([](double a, const std::vector<int>& b) { return a + (double)b.size(); }, {n, n}, out);
}
