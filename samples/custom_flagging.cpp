// A flagging callback of your own: any class with setup() and flag() will do.
// This one prints each flagged sample as a JSON line on standard output, where
// another program (a queue, a labelling tool) can pick it up.
#include <imgr/imgr.h>

#include <cstdio>
#include <mutex>

class StdoutLogger : public imgr::FlaggingCallback {
public:
    void setup(std::vector<imgr::FlagField> fields, std::string, imgr::FlagSetup) override {
        std::lock_guard lock(mutex_);
        fields_ = std::move(fields);
    }
    int flag(const std::vector<imgr::Value>& values, const std::string& flag_option) override {
        std::lock_guard lock(mutex_);  // flag() runs on worker threads
        imgr::Json record = imgr::Json::object();
        for (size_t i = 0; i < fields_.size() && i < values.size(); ++i)
            record[fields_[i].label] = imgr::to_json(values[i]);
        if (!flag_option.empty()) record["flag"] = flag_option;
        std::printf("%s\n", record.dump().c_str());
        std::fflush(stdout);
        return ++rows_;
    }

private:
    std::mutex mutex_;
    std::vector<imgr::FlagField> fields_;
    int rows_ = 0;
};

std::string greet(const std::string& name, double intensity) {
    return "Hello, " + name + std::string((size_t)intensity, '!');
}

int main(int argc, char** argv) {
    imgr::Interface demo(greet, {imgr::Textbox("name"), imgr::Slider("intensity", 1, 10, 3).step(1)},
                         imgr::Textbox("greeting"),
                         {.title = "A custom flagging callback",
                          .description = "Flagged samples are printed to standard output as JSON lines.",
                          .flagging_options = {"rude", "too long"},
                          .flagging_callback = std::make_shared<StdoutLogger>()});
    return demo.launch(argc, argv);
}
