// The live_training sample's model: a two-layer perceptron learns the two
// spirals (its loss falls and it classifies nearly every point), and the same
// seed trains the same way.
#include <doctest/doctest.h>

#include "mlp.h"

TEST_CASE("two spirals: two classes of equal size, within about [-1, 1]^2, the same for the same seed") {
    const auto points = mlp::two_spirals(100, 0.0, 7);
    REQUIRE(points.size() == 200);
    int ones = 0;
    for (const mlp::Point& p : points) {
        ones += p.label;
        CHECK(std::abs(p.x) <= 1.0);
        CHECK(std::abs(p.y) <= 1.0);
    }
    CHECK(ones == 100);
    const auto again = mlp::two_spirals(100, 0.1, 7), other = mlp::two_spirals(100, 0.1, 8);
    CHECK(again[5].x == mlp::two_spirals(100, 0.1, 7)[5].x);
    CHECK(again[5].x != other[5].x);
}

TEST_CASE("the network learns the two spirals: the loss decreases and nearly every point is classified right") {
    const auto data = mlp::two_spirals(100, 0.02, 7);
    mlp::Network net(24, 1);
    const double initial = net.loss(data);
    CHECK(initial > 0.6);  // about log 2: no better than a coin
    CHECK(net.accuracy(data) < 0.75);
    double previous_window = initial;
    for (int window = 0; window < 6; ++window) {
        double last = 0;
        for (int step = 0; step < 250; ++step) last = net.train_step(data, 0.02);
        CHECK(last < previous_window);  // lower after every 250 steps
        previous_window = last;
    }
    CHECK(net.loss(data) < 0.2 * initial);
    CHECK(net.accuracy(data) > 0.95);
}

TEST_CASE("the same seed and settings train to the same loss, bit for bit") {
    const auto data = mlp::two_spirals(50, 0.05, 3);
    mlp::Network a(8, 42), b(8, 42), c(8, 43);
    for (int step = 0; step < 100; ++step) {
        a.train_step(data, 0.01);
        b.train_step(data, 0.01);
        c.train_step(data, 0.01);
    }
    CHECK(a.loss(data) == b.loss(data));
    CHECK(a.loss(data) != c.loss(data));
}
