// Must not compile: an Interface whose function's parameter 2 is a string, but input 2 is a Number.
#include <imgr/engine/apps/interface.h>

#include <string>

double scale(double x, const std::string& by) { return x * (double)by.size(); }

int main() {
    imgr::Interface demo(scale, {imgr::Number("x"), imgr::Number("by")}, imgr::Number("out"));
}
