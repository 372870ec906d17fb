// The Chatbot's value: building a conversation, its JSON form (the flagged
// file's exact content), reading it back, and what a like reports.
#include <doctest/doctest.h>
#include <imgr/engine/flagging/csv_logger.h>
#include <imgr/engine/flagging/flagged_rows.h>
#include <imgr/engine/messages.h>
#include <imgr/model/value.h>

#include "flagging/flagging_support.h"

using imgr::ChatRole;
using imgr::Conversation;

TEST_CASE("a conversation keeps roles and Markdown content in order") {
    Conversation c;
    c.user("Hello").assistant("**Hi!**\n\n- one\n- two");
    REQUIRE(c.size() == 2);
    CHECK(c.messages[0].role == ChatRole::User);
    CHECK(c.messages[1].role == ChatRole::Assistant);
    CHECK(c.messages[1].content == "**Hi!**\n\n- one\n- two");
    CHECK(std::string(imgr::role_name(ChatRole::User)) == "user");
    CHECK(std::string(imgr::role_name(ChatRole::Assistant)) == "assistant");
}

TEST_CASE("a Chatbot value as JSON is the flagged contract: role and content, nothing else") {
    Conversation c;
    c.user("Hi \"there\"").assistant("line 1\nline 2");
    c.messages[1].liked = true;  // a like is not part of the flagged form
    c.last_feedback = 1;
    const imgr::Json json = imgr::to_json(imgr::Value(c));
    CHECK(json.dump() ==
          R"([{"content":"Hi \"there\"","role":"user"},{"content":"line 1\nline 2","role":"assistant"}])");
}

TEST_CASE("a conversation survives the JSON round trip, and bad JSON is refused with the reason") {
    Conversation c;
    c.user("ünïcode ✓").assistant("```cpp\nint x = 1;\n```").user("");
    const Conversation back = imgr::conversation_from_json(imgr::conversation_to_json(c));
    CHECK(back == c);
    CHECK_THROWS_WITH_AS(imgr::conversation_from_json(imgr::Json::object()), "a conversation is a JSON array of messages",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(imgr::conversation_from_json(imgr::Json::parse(R"([{"role":"system","content":"x"}])")),
                         doctest::Contains("role must be \"user\" or \"assistant\""), std::invalid_argument);
    CHECK_THROWS_WITH_AS(imgr::conversation_from_json(imgr::Json::parse(R"([{"role":"user"}])")),
                         doctest::Contains("message 1"), std::invalid_argument);
}

TEST_CASE("like_data names the message last liked or disliked") {
    Conversation c;
    c.user("q").assistant("a1").user("q2").assistant("a2");
    CHECK(imgr::like_data(c).index == -1);
    c.messages[3].liked = false;
    c.last_feedback = 3;
    const imgr::LikeData like = imgr::like_data(c);
    CHECK(like.index == 3);
    CHECK(like.value == "a2");
    CHECK_FALSE(like.liked);
}

TEST_CASE("a flagged Chatbot is <label>/N.json, numbered as images are, and loads back") {
    imgr::test::TempDir dir;
    imgr::CSVLogger logger;
    logger.setup({{"Chatbot", imgr::ComponentKind::Chatbot}, {"note", imgr::ComponentKind::Textbox}},
                 dir.path().string());
    Conversation first, second;
    first.user("Hello").assistant("Hi, how can I help?");
    second.user("2+2?").assistant("4");
    CHECK(logger.flag({first, std::string("a")}) == 1);
    CHECK(logger.flag({second, std::string("b")}) == 2);
    CHECK(logger.flag({Conversation{}, std::string("empty")}) == 3);  // nothing to save: an empty cell

    CHECK(imgr::test::read_text(dir / "Chatbot/0.json") ==
          R"([{"role":"user","content":"Hello"},{"role":"assistant","content":"Hi, how can I help?"}])");
    CHECK(imgr::test::read_text(dir / "Chatbot/1.json") ==
          R"([{"role":"user","content":"2+2?"},{"role":"assistant","content":"4"}])");
    CHECK_FALSE(std::filesystem::exists(dir / "Chatbot/2.json"));

    const auto rows = imgr::test::python_csv_rows(dir / "logs.csv");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"Chatbot", "note", "timestamp"});
    CHECK(rows[1][0] == "Chatbot/0.json");
    CHECK(rows[2][0] == "Chatbot/1.json");
    CHECK(rows[3][0] == "");

    // What the Flagged panel does to load a row back.
    const imgr::FlaggedRows flagged = imgr::read_flagged_rows(logger);
    REQUIRE(flagged.rows.size() == 3);
    CHECK(std::get<Conversation>(imgr::value_from_cell(imgr::ComponentKind::Chatbot, imgr::ChatbotProps{},
                                                       flagged.rows[1][0], flagged.dir)) == second);
    CHECK(std::get<Conversation>(imgr::value_from_cell(imgr::ComponentKind::Chatbot, imgr::ChatbotProps{},
                                                       flagged.rows[2][0], flagged.dir))
              .empty());

    // Numbering continues across restarts and never overwrites.
    imgr::CSVLogger again;
    again.setup({{"Chatbot", imgr::ComponentKind::Chatbot}, {"note", imgr::ComponentKind::Textbox}}, dir.path().string());
    CHECK(again.flag({first, std::string("c")}) == 4);
    CHECK(std::filesystem::exists(dir / "Chatbot/2.json"));
}

TEST_CASE("a damaged flagged conversation is refused with a clear message") {
    imgr::test::TempDir dir;
    std::filesystem::create_directories(dir / "Chatbot");
    imgr::test::write_text(dir / "Chatbot/0.json", "[{\"role\":\"user\"");
    CHECK_THROWS_WITH_AS(imgr::value_from_cell(imgr::ComponentKind::Chatbot, imgr::ChatbotProps{}, "Chatbot/0.json", dir.path()),
                         doctest::Contains("the flagged conversation 'Chatbot/0.json' is not valid"), imgr::Error);
    CHECK_THROWS_WITH_AS(imgr::value_from_cell(imgr::ComponentKind::Chatbot, imgr::ChatbotProps{}, "Chatbot/9.json", dir.path()),
                         doctest::Contains("cannot load the flagged conversation"), imgr::Error);
}
