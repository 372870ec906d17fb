// Folder names made from labels: one plain path component inside the flagging dir, whatever the label.
#include "flagging_support.h"

#include "imgr/engine/flagging/safe_name.h"
#include "imgr/model/utf8.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

// The name joined to the dir resolves to a direct child of the dir.
void check_stays_inside(const std::string& label) {
    imgr::test::TempDir dir;
    const std::string name = imgr::safe_folder_name(label);
    CAPTURE(label);
    CAPTURE(name);
    CHECK(!name.empty());
    CHECK(name.find('/') == std::string::npos);
    CHECK(name.find('\\') == std::string::npos);
    CHECK(name.find("..") == std::string::npos);
    CHECK(name.front() != '.');
    CHECK(name.size() <= imgr::kMaxFolderNameBytes);
    CHECK(imgr::valid_utf8(name) == name);
    for (unsigned char c : name) CHECK((c >= 0x20 && c != 0x7F));
    const fs::path base = fs::weakly_canonical(dir.path());
    const fs::path joined = fs::weakly_canonical(dir.path() / name);
    CHECK(joined.parent_path() == base);
    fs::create_directory(dir.path() / name);  // a real folder can be made with it
    CHECK(fs::is_directory(base / name));
}

}  // namespace

TEST_CASE("safe_name: path tricks become plain names") {
    CHECK(imgr::safe_folder_name("../../etc") == "_._etc");
    CHECK(imgr::safe_folder_name("a/b") == "a_b");
    CHECK(imgr::safe_folder_name("a\\b") == "a_b");
    CHECK(imgr::safe_folder_name("..") == "component");
    CHECK(imgr::safe_folder_name(".") == "component");
    CHECK(imgr::safe_folder_name("") == "component");
    CHECK(imgr::safe_folder_name(".hidden") == "hidden");
    CHECK(imgr::safe_folder_name("/etc/passwd") == "_etc_passwd");
    CHECK(imgr::safe_folder_name("a..b") == "a.b");
    CHECK(imgr::safe_folder_name("name. ") == "name");
    CHECK(imgr::safe_folder_name("what? <x>|\"y\":*") == "what_ _x___y___");
    CHECK(imgr::safe_folder_name("CON") == "CON_");
    CHECK(imgr::safe_folder_name("nul.txt") == "nul.txt_");
    CHECK(imgr::safe_folder_name("Input image") == "Input image");
    for (const char* label : {"../../etc", "a/b", "..", "", "/", "./.", "...", " .. / .. ", "\\..\\..\\x", "a/../../b"})
        check_stays_inside(label);
}

TEST_CASE("safe_name: control characters are replaced, valid UTF-8 is kept") {
    CHECK(imgr::safe_folder_name(std::string("a\0b", 3)) == "a_b");
    CHECK(imgr::safe_folder_name("tab\there\nnew\rline\x7F") == "tab_here_new_line_");
    CHECK(imgr::safe_folder_name("c1\xC2\x85next") == "c1_next");  // U+0085, a C1 control
    CHECK(imgr::safe_folder_name("图片 😀") == "图片 😀");
    check_stays_inside(std::string("\0\x01\x1F", 3));
    check_stays_inside("\n\n");
}

TEST_CASE("safe_name: invalid UTF-8 bytes are replaced") {
    CHECK(imgr::safe_folder_name("bad\xFF\xFEname") == "bad__name");
    CHECK(imgr::safe_folder_name("cut\xE4\xB8") == "cut__");            // a character cut short
    CHECK(imgr::safe_folder_name("over\xC0\xAF") == "over__");           // an overlong '/'
    CHECK(imgr::safe_folder_name("sur\xED\xA0\x80") == "sur___");        // a UTF-16 surrogate
    check_stays_inside("\xFF\xFE\xFD");
    check_stays_inside("\xC0\xAE\xC0\xAE/\xC0\xAE\xC0\xAE");
}

TEST_CASE("safe_name: long labels are cut at a character boundary") {
    const std::string ascii(1000, 'a');
    CHECK(imgr::safe_folder_name(ascii) == std::string(imgr::kMaxFolderNameBytes, 'a'));
    std::string chinese;
    for (int i = 0; i < 400; ++i) chinese += "图";  // 3 bytes each: 100 is not a multiple of 3
    const std::string cut = imgr::safe_folder_name(chinese);
    CHECK(cut.size() == 99);
    CHECK(imgr::valid_utf8(cut) == cut);
    std::string emoji;
    for (int i = 0; i < 300; ++i) emoji += "😀";  // 4 bytes each
    CHECK(imgr::safe_folder_name(emoji).size() == 100);
    check_stays_inside(ascii);
    check_stays_inside(chinese);
    check_stays_inside(std::string(999, '.') + "x");
    check_stays_inside(std::string(1000, '/'));
}

TEST_CASE("utf8: valid text is kept, each invalid byte is replaced") {
    CHECK(imgr::valid_utf8("plain 中文 😀") == "plain 中文 😀");
    CHECK(imgr::valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(imgr::valid_utf8("\xF4\x90\x80\x80", "?") == "????");  // beyond U+10FFFF
    CHECK(imgr::valid_utf8("\xF0\x9F\x98", "?") == "???");       // an emoji cut short
}
