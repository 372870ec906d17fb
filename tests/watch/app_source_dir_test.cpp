// --watch-build's default folder: every target linking imgr::imgr knows its own
// source folder (IMGR_APP_SOURCE_DIR), handed to the library by <imgr/imgr.h>.
#include <doctest/doctest.h>
#include <imgr/imgr.h>

#include <filesystem>

TEST_CASE("an app linked with imgr::imgr knows the folder of its sources") {
    REQUIRE_FALSE(imgr::app_source_dir().empty());
    CHECK(std::filesystem::equivalent(imgr::app_source_dir(), WATCH_TEST_SOURCE_DIR));
    // A later TU of another folder (a library of the app's) does not take it over.
    imgr::detail::remember_app_source_dir("/nonexistent/elsewhere");
    CHECK(std::filesystem::equivalent(imgr::app_source_dir(), WATCH_TEST_SOURCE_DIR));
}
