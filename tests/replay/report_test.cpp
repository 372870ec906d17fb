// The replay report: one static page, every row in it, text escaped, images inline.
#include <doctest/doctest.h>
#include <imgr/engine/replay/replay_report.h>
#include <imgr/model/image_io.h>

using namespace imgr;

TEST_CASE("base64 and escaping") {
    const std::string text = "Man";
    CHECK(base64((const uint8_t*)text.data(), 3) == "TWFu");
    CHECK(base64((const uint8_t*)text.data(), 2) == "TWE=");
    CHECK(base64((const uint8_t*)text.data(), 1) == "TQ==");
    CHECK(html_escape("<b>&\"'../") == "&lt;b&gt;&amp;&quot;&#39;../");
}

TEST_CASE("the page lists every row, the flagged and new outputs side by side, changes highlighted, unchanged rows folded") {
    ReplayReport report("app --replay <dir> & co");
    ReplayRow changed;
    changed.number = 1;
    changed.file = "logs.csv";
    changed.line = 2;
    changed.flag = "<script>alert(1)</script>";
    changed.note = "../../etc & <b>";
    changed.status = ReplayStatus::Changed;
    ImageBuffer image(2, 2, 3);
    changed.inputs.push_back({"<in>", image, {}, {}});
    changed.outputs.push_back({"Out<put>", 12.0, -2.0, compare_values(12.0, -2.0)});
    ReplayRow failed;
    failed.number = 2;
    failed.file = "logs.csv";
    failed.line = 3;
    failed.status = ReplayStatus::Failed;
    failed.message = "x < y";
    ReplayRow unchanged;
    unchanged.number = 3;
    unchanged.file = "logs.csv";
    unchanged.line = 4;
    unchanged.outputs.push_back({"Out<put>", 5.0, 5.0, compare_values(5.0, 5.0)});
    report.add(changed);
    report.add(failed);
    report.add(unchanged);
    ReplaySummary summary;
    summary.rows = 3;
    summary.unchanged = summary.changed = summary.failed = 1;
    const std::string page = report.html(summary);
    CHECK(page.find("<!DOCTYPE html>") == 0);
    CHECK(page.find("<script") == std::string::npos);  // the flag's text is escaped, and the page has none of its own
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("../../etc &amp; &lt;b&gt;") != std::string::npos);
    CHECK(page.find("<div class=\"output diff\"><h4>Out&lt;put&gt;</h4>") != std::string::npos);
    CHECK(page.find("<section class=\"row changed\" id=\"row-1\">") != std::string::npos);
    CHECK(page.find("<section class=\"row failed\" id=\"row-2\">") != std::string::npos);
    CHECK(page.find("<details class=\"row unchanged\" id=\"row-3\"><summary>") != std::string::npos);
    CHECK(page.find("x &lt; y") != std::string::npos);
    // A number with its difference: -2 is 14 less than 12.
    CHECK(page.find("<code>12</code><figcaption>flagged</figcaption>") != std::string::npos);
    CHECK(page.find("<code>-2</code> <small>(-14, -117%)</small>") != std::string::npos);
    CHECK(page.find("replay: 3 rows, 1 unchanged, 1 changed, 1 failed, 0 unreadable") != std::string::npos);
    CHECK(page.find("max-width:1360px") != std::string::npos);  // fits 1,400 pixels
    // Nothing from elsewhere: the image is a data: URI that decodes back to the image.
    CHECK(page.find("http") == std::string::npos);
    CHECK(page.find("src=\"data:image/png;base64,") != std::string::npos);
}

namespace {

ReplayCell compared(const std::string& column, Value flagged, Value replayed) {
    Comparison comparison = compare_values(flagged, replayed);
    return {column, std::move(flagged), std::move(replayed), comparison};
}

ImageBuffer solid(int w, int h, uint8_t r, uint8_t g, uint8_t b) {
    ImageBuffer image(w, h, 3);
    uint8_t* p = image.mutable_u8();
    for (size_t i = 0; i < image.pixel_count(); ++i) p[i * 3] = r, p[i * 3 + 1] = g, p[i * 3 + 2] = b;
    return image;
}

}  // namespace

TEST_CASE("values shown as the window shows them: text marked, images with their difference, labels as bars") {
    const std::string text = html_compared(compared("Text", std::string("hello wrld"), std::string("hello world")));
    CHECK(text.find("<code>hello w<ins>o</ins>rld</code>") != std::string::npos);
    CHECK(text.find("<code>hello wrld</code>") != std::string::npos);
    const std::string changed_text = html_compared(compared("Text", std::string("cat <3"), std::string("dog <3")));
    CHECK(changed_text.find("<del>cat</del> &lt;3") != std::string::npos);
    CHECK(changed_text.find("<ins>dog</ins> &lt;3") != std::string::npos);

    ImageBuffer a = solid(8, 8, 100, 100, 100), b = solid(8, 8, 100, 100, 100);
    b.mutable_u8()[0] = 110;
    const std::string images = html_compared(compared("Image", a, b));
    CHECK(images.find("difference (x4)") != std::string::npos);
    CHECK(images.find("PSNR ") != std::string::npos);
    CHECK(images.find("largest difference 10") != std::string::npos);
    CHECK(html_compared(compared("Image", a, a)).find("identical pixels") != std::string::npos);

    const std::string label = html_value(LabelValue({{"cat", 0.25}, {"dog", 0.75}}));
    CHECK(label.find("<b>dog</b>") == 0);
    CHECK(label.find("style=\"width:75.0%\"") < label.find("style=\"width:25.0%\""));  // highest first, as the window

    // Long JSON is folded, its summary the first difference.
    Json big = Json::array(), other = Json::array();
    for (int i = 0; i < 100; ++i) big.push_back(i), other.push_back(i == 42 ? -1 : i);
    const std::string json = html_compared(compared("JSON", big, other));
    CHECK(json.find("<details><summary>at /42: 42 -&gt; -1</summary><pre>") != std::string::npos);
}

TEST_CASE("an AnnotatedImage is drawn with its boxes and masks, the boxes that differ marked; an editor as its composite") {
    AnnotatedImageValue flagged{solid(200, 100, 90, 90, 90), {{10, 20, 60, 80, "cat", 0.9}, {100, 10, 150, 40, "dog", 0.8}}, {}};
    ImageBuffer mask(200, 100, 1);
    mask.mutable_u8()[0] = 255;
    flagged.masks.push_back({"cat", mask});
    AnnotatedImageValue moved = flagged;
    moved.boxes[1].x0 = 110;
    const std::string html = html_compared(compared("Boxes", flagged, moved));
    CHECK(html.find("<svg viewBox=\"0 0 200 100\"") != std::string::npos);
    CHECK(html.find("<rect x=\"10\" y=\"20\" width=\"50\" height=\"60\" fill=\"none\" stroke=\"#4e79a7\"") != std::string::npos);
    CHECK(html.find("<image width=\"200\" height=\"100\" href=\"data:image/png;base64,") != std::string::npos);
    // The dog's box differs: marked on both sides; the cat's is not.
    size_t marks = 0;
    for (size_t at = html.find("class=\"differs\""); at != std::string::npos; at = html.find("class=\"differs\"", at + 1)) ++marks;
    CHECK(marks == 2);
    CHECK(html.find("2 box(es), 1 not in the other, 1 mask(s)") != std::string::npos);

    ImageEditorValue editor = editor_value(solid(4, 4, 0, 0, 0));
    editor.layers[0].mutable_u8()[3] = 255;  // one opaque black pixel: the composite is still all black
    editor.layers[0].mutable_u8()[0] = 255;  // now red
    const std::string page = html_value(editor);
    CHECK(page.find("<img alt=\"edited image 4x4x3, 1 layer(s)\" src=\"data:image/png;base64,") == 0);
    ImageEditorValue other = editor;
    other.layers[0] = ImageBuffer(4, 4, 4);
    CHECK(html_compared(compared("Editor", editor, other)).find("difference (x4)") != std::string::npos);
}

namespace {

// A row whose input is a small image: in full, a row carries a data: URI.
ReplayRow image_row(int number, ReplayStatus status) {
    ReplayRow row;
    row.number = number;
    row.file = "logs.csv";
    row.line = number + 1;
    row.status = status;
    row.inputs.push_back({"im", solid(8, 8, (uint8_t)number, 40, 90), {}, {}});
    const double flagged = 5, replayed = status == ReplayStatus::Changed ? 6 : 5;
    row.outputs.push_back(compared("Output", flagged, replayed));
    if (status == ReplayStatus::Changed) row.changes.push_back("Output 5 -> 6");
    return row;
}

size_t count_of(const std::string& text, const std::string& part) {
    size_t n = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("10,000 unchanged rows and 2 changed: the changed rows in full, each run of unchanged rows after the first 100 one line") {
    ReplayReport report("app --replay big");
    ReplaySummary summary;
    for (int number = 1; number <= 10'002; ++number) {
        const bool changed = number == 5'001 || number == 9'001;
        report.add(image_row(number, changed ? ReplayStatus::Changed : ReplayStatus::Unchanged));
        ++summary.rows;
        ++(changed ? summary.changed : summary.unchanged);
    }
    const std::string page = report.html(summary);
    CHECK(page.find("replay: 10002 rows, 10000 unchanged, 2 changed, 0 failed, 0 unreadable") != std::string::npos);
    // The first 100 unchanged rows in full, as before; the 101st on is counted.
    CHECK(count_of(page, "<details class=\"row unchanged\"") == (size_t)kUnchangedRowsShownInFull);
    CHECK(page.find("<details class=\"row unchanged\" id=\"row-100\">") != std::string::npos);
    CHECK(page.find("id=\"row-101\"") == std::string::npos);
    CHECK(page.find("<p class=\"row collapsed\">rows 101\u20135,000: 4,900 unchanged, not shown</p>") != std::string::npos);
    CHECK(page.find("<p class=\"row collapsed\">rows 5,002\u20139,000: 3,999 unchanged, not shown</p>") != std::string::npos);
    // The run still open when the page is made closes it.
    CHECK(page.find("<p class=\"row collapsed\">rows 9,002\u201310,002: 1,001 unchanged, not shown</p>\n</body>") !=
          std::string::npos);
    CHECK(page.find("(9,900 rows not shown)") != std::string::npos);
    // Both changed rows in full: open, their image inlined, their change said, in flagged order between the runs.
    for (const int number : {5'001, 9'001}) {
        const size_t at = page.find("<section class=\"row changed\" id=\"row-" + std::to_string(number) + "\">");
        REQUIRE(at != std::string::npos);
        const std::string section = page.substr(at, page.find("</section>", at) - at);
        CHECK(section.find("src=\"data:image/png;base64,") != std::string::npos);
        CHECK(section.find("<div class=\"output diff\"><h4>Output</h4>") != std::string::npos);
        CHECK(section.find("Output 5 -&gt; 6") != std::string::npos);
    }
    CHECK(page.find("rows 101\u20135,000") < page.find("id=\"row-5001\""));
    CHECK(page.find("id=\"row-5001\"") < page.find("rows 5,002\u20139,000"));
    // Bounded by the rows shown in full (102 and three lines), not by the 10,002 rows.
    ReplayReport one("app --replay big");
    one.add(image_row(1, ReplayStatus::Unchanged));
    const size_t empty_page = ReplayReport("app --replay big").html(summary).size();
    const size_t per_row = one.html(summary).size() - empty_page;
    CHECK(per_row > 200);  // a row in full is more than a collapsed line
    CHECK(page.size() < empty_page + 110 * per_row);
    CHECK(page.find("<script") == std::string::npos);
}

TEST_CASE("a single unchanged row between two failed ones is its own line, and numbers read with thousands separators") {
    ReplayReport report("app");
    for (int number = 1; number <= kUnchangedRowsShownInFull; ++number) report.add(image_row(number, ReplayStatus::Unchanged));
    ReplayRow failed = image_row(kUnchangedRowsShownInFull + 1, ReplayStatus::Failed);
    failed.message = "boom";
    report.add(failed);
    report.add(image_row(kUnchangedRowsShownInFull + 2, ReplayStatus::Unchanged));
    failed.number = kUnchangedRowsShownInFull + 3;
    report.add(failed);
    const std::string page = report.html({});
    CHECK(page.find("<p class=\"row collapsed\">row 102: unchanged, not shown</p>") != std::string::npos);
    CHECK(count_of(page, "<section class=\"row failed\"") == 2);
    CHECK(page.find("(1 row not shown)") != std::string::npos);
    // Fewer unchanged rows than the bound: every row in full, no line collapsed, no note.
    ReplayReport small("app");
    small.add(image_row(1, ReplayStatus::Unchanged));
    CHECK(small.html({}).find("collapsed\">") == std::string::npos);
    CHECK(small.html({}).find("not shown") == std::string::npos);

    CHECK(with_thousands(0) == "0");
    CHECK(with_thousands(999) == "999");
    CHECK(with_thousands(1000) == "1,000");
    CHECK(with_thousands(1'234'567) == "1,234,567");
    CHECK(format_page_size(812) == "812 bytes");
    CHECK(format_page_size(3'449) == "3.4 KB");
    CHECK(format_page_size(999'999) == "1.0 MB");
    CHECK(format_page_size(1'234'567) == "1.2 MB");
    CHECK(format_page_size(358'000'000) == "358.0 MB");
    CHECK(format_page_size(2'000'000'000) == "2.0 GB");
}
