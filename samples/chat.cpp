// A chat with a character-level n-gram model, as Gradio's ChatInterface demos:
// the model learns at start-up from a licence text this machine already has
// (read at run time, never part of the repository) and answers in its style.
// Replies are seeded by the conversation, so the same chat gives the same replies;
// they stream a character at a time. Like or dislike a reply to flag it.
#include <imgr/imgr.h>

#include "ngram_model.h"

#include <chrono>
#include <cstdio>
#include <thread>

namespace {

const ngram::Model* model = nullptr;

// The reply so far, a character at a time (Gradio: `yield reply[:i]`).
imgr::Stream<std::string> answer(std::string message, imgr::Conversation history) {
    ngram::Model::Generator generator = model->generate(message, ngram::seed_for(message, history.size()));
    while (!ngram::reply_complete(generator.text(), 60, 240)) {
        generator.next();
        std::this_thread::sleep_for(std::chrono::milliseconds(8));  // a reading pace, as a typing model has
        co_yield generator.text();
    }
}

}  // namespace

int main(int argc, char** argv) {
    const ngram::TrainingText text = ngram::load_training_text("/usr/share/common-licenses", "GPL-3");
    std::fprintf(stderr, "chat: %s\n", text.note.c_str());
    ngram::Model trained(7);
    // Without any text the demo still opens, and says why its replies are empty.
    trained.train(ngram::reflow(text.content));  // its paragraphs, not its line wrapping
    model = &trained;

    imgr::ChatInterface demo(answer, {
        .title = "Licence chat",
        .description = "A 7-gram character model, " + (text.path.empty() ? "untrained: " + text.note
                                                                        : "trained just now on `" + text.path.string() + "`") +
                       ". Same conversation, same reply.",
        .examples = {"What may I do with the software?", "Tell me about warranty", "Who holds the copyright?"},
        .flagging_dir = "flagged_chat",
    });
    return demo.launch(argc, argv);
}
