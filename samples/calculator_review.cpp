// The calculator reviewed: besides the reason (one button per option, the
// `flag` column), a flag can say why in a Note (`note` column) and what the
// answer should have been: "Correct Output" reveals `Output (corrected)`,
// prefilled with the model's answer.
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
                         {.examples = {{5, "add", 7}, {6, "subtract", 1.5}, {4, "divide", 0}},
                          .flagging_mode = imgr::FlaggingMode::Manual,
                          .flagging_options = {"wrong sign", "off by one", "other"},
                          .flagging_note = true,
                          .flagging_corrections = true});
    return demo.launch(argc, argv);
}
