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

TEST_CASE("the page lists every row, the flagged and new outputs side by side, changes highlighted") {
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
    report.add(changed);
    report.add(failed);
    ReplaySummary summary;
    summary.rows = 2;
    summary.changed = summary.failed = 1;
    const std::string page = report.html(summary);
    CHECK(page.find("<!DOCTYPE html>") == 0);
    CHECK(page.find("<script") == std::string::npos);  // the flag's text is escaped, and the page has none of its own
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("../../etc &amp; &lt;b&gt;") != std::string::npos);
    CHECK(page.find("Out&lt;put&gt;<br>flagged") != std::string::npos);
    CHECK(page.find("<tr class=\"changed\" id=\"row-1\">") != std::string::npos);
    CHECK(page.find("<tr class=\"failed\" id=\"row-2\">") != std::string::npos);
    CHECK(page.find("x &lt; y") != std::string::npos);
    CHECK(page.find("<td class=\"diff\"><code>12</code></td><td class=\"diff\"><code>-2</code>") != std::string::npos);
    CHECK(page.find("replay: 2 rows, 0 unchanged, 1 changed, 1 failed, 0 unreadable") != std::string::npos);
    // Nothing from elsewhere: the image is a data: URI that decodes back to the image.
    CHECK(page.find("http") == std::string::npos);
    CHECK(page.find("src=\"data:image/png;base64,") != std::string::npos);
}
