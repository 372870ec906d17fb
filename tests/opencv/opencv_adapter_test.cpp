// cv::Mat <-> ImageBuffer both ways: 8-bit and float, 1/3/4 channels, BGR
// order swapped (or kept when the Mat is RGB), a Mat with padded rows (a ROI),
// and the Mats imgr cannot show refused with a message.
#include <doctest/doctest.h>
#include <imgr/opencv.h>

using imgr::ImageBuffer;

TEST_CASE("an 8-bit BGR Mat becomes an RGB image and comes back as the same BGR Mat") {
    cv::Mat bgr(2, 3, CV_8UC3, cv::Scalar(10, 20, 30));  // B=10 G=20 R=30
    bgr.at<cv::Vec3b>(1, 2) = cv::Vec3b(200, 100, 50);
    const ImageBuffer image = imgr::from_mat(bgr);
    REQUIRE(image.width() == 3);
    REQUIRE(image.height() == 2);
    REQUIRE(image.channels() == 3);
    CHECK(image.sample(0, 0, 0) == 30);  // red first
    CHECK(image.sample(0, 0, 2) == 10);
    CHECK(image.sample(2, 1, 0) == 50);
    CHECK(image.sample(2, 1, 1) == 100);
    const cv::Mat back = imgr::to_mat(image);
    CHECK(back.type() == CV_8UC3);
    CHECK(cv::norm(back, bgr, cv::NORM_INF) == 0);
    // Already RGB: nothing swapped either way.
    const ImageBuffer kept = imgr::from_mat(bgr, imgr::MatOrder::RGB);
    CHECK(kept.sample(0, 0, 0) == 10);
    CHECK(cv::norm(imgr::to_mat(kept, imgr::MatOrder::RGB), bgr, cv::NORM_INF) == 0);
}

TEST_CASE("grey, BGRA and float Mats, and a region of a larger Mat (padded rows)") {
    cv::Mat grey(4, 5, CV_8UC1);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 5; ++x) grey.at<uint8_t>(y, x) = (uint8_t)(y * 10 + x);
    const ImageBuffer g = imgr::from_mat(grey);
    CHECK(g.channels() == 1);
    CHECK(g.sample(4, 3, 0) == 34);
    CHECK(cv::norm(imgr::to_mat(g), grey, cv::NORM_INF) == 0);

    cv::Mat bgra(1, 1, CV_8UC4, cv::Scalar(1, 2, 3, 4));
    const ImageBuffer a = imgr::from_mat(bgra);
    CHECK(a.sample(0, 0, 0) == 3);
    CHECK(a.sample(0, 0, 3) == 4);  // alpha stays last

    cv::Mat depth(3, 2, CV_32FC1, cv::Scalar(0.25f));
    depth.at<float>(2, 1) = 0.75f;
    const ImageBuffer d = imgr::from_mat(depth);
    REQUIRE(d.type() == imgr::PixelType::F32);
    CHECK(d.f32()[5] == doctest::Approx(0.75f));
    const cv::Mat depth_back = imgr::to_mat(d);
    CHECK(depth_back.type() == CV_32FC1);
    CHECK(cv::norm(depth_back, depth, cv::NORM_INF) == 0);

    cv::Mat large(6, 8, CV_8UC3, cv::Scalar(0, 0, 0));
    large(cv::Rect(2, 1, 3, 2)).setTo(cv::Scalar(255, 0, 0));  // blue in BGR
    const ImageBuffer roi = imgr::from_mat(large(cv::Rect(2, 1, 3, 2)));
    CHECK(roi.width() == 3);
    CHECK(roi.sample(2, 1, 2) == 255);  // blue, last in RGB
    CHECK(roi.sample(2, 1, 0) == 0);
}

TEST_CASE("Mats imgr cannot show are refused with what they are") {
    CHECK_THROWS_WITH_AS(imgr::from_mat(cv::Mat()), "imgr::from_mat: the Mat is empty", std::invalid_argument);
    CHECK_THROWS_WITH_AS(imgr::from_mat(cv::Mat(2, 2, CV_8UC2)), "imgr::from_mat: 2 channels (1, 3 or 4 are shown)",
                         std::invalid_argument);
    CHECK_THROWS_AS(imgr::from_mat(cv::Mat(2, 2, CV_16UC3)), std::invalid_argument);
    CHECK_THROWS_AS(imgr::to_mat(ImageBuffer()), std::invalid_argument);
}
