// Must not compile: the streaming handler yields text for a Number output.
#include <imgr/engine/app/blocks.h>

#include <string>

imgr::Stream<std::string> count_up(double to) {
    for (int i = 0; i < to; ++i) co_yield std::to_string(i);
}

int main() {
    imgr::Blocks demo;
    auto n = demo.add(imgr::Number("n"));
    auto out = demo.add(imgr::Number("out"));
    n.change(count_up, {n}, out);
}
