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
