// The one UTF-8 decoder (flagging's checks, the script player's typing).
#include <doctest/doctest.h>
#include <imgr/model/utf8.h>

#include <string>

using namespace imgr;

TEST_CASE("utf8_decode: each character with its length, invalid bytes as U+FFFD of length 0") {
    const std::string text = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";  // a é 中 😀
    size_t pos = 0;
    std::u32string decoded;
    while (pos < text.size()) {
        const Utf8Char c = utf8_decode(text, pos);
        REQUIRE(c.length > 0);
        decoded += c.codepoint;
        pos += c.length;
    }
    CHECK(decoded == U"a\u00E9\u4E2D\U0001F600");
    for (const char* bad : {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F\x98", "\xFF"}) {
        const Utf8Char c = utf8_decode(bad, 0);
        CHECK(c.length == 0);
        CHECK(c.codepoint == 0xFFFD);
    }
    CHECK(utf8_sequence_length("\xE4\xB8\xAD", 0) == 3);
}
