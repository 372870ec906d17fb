// The seed's first flagging example: a calculator Interface with a Flag button.
#include <imgr/imgr.h>

double calculator(double num1, const std::string& operation, double num2) {
    if (operation == "add") return num1 + num2;
    if (operation == "subtract") return num1 - num2;
    if (operation == "multiply") return num1 * num2;
    if (operation == "divide") {
        if (num2 == 0) throw imgr::Error("Cannot divide by zero!");
        return num1 / num2;
    }
    throw imgr::Error("Choose an operation first");
}

int main(int argc, char** argv) {
    imgr::Interface demo(calculator,
                         {imgr::Number("num1"),
                          imgr::Radio("operation", {"add", "subtract", "multiply", "divide"}),
                          imgr::Number("num2")},
                         imgr::Number(),
                         {.flagging_mode = imgr::FlaggingMode::Manual});
    return demo.launch(argc, argv);
}
