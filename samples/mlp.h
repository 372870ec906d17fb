// A small multilayer perceptron in plain C++ (no framework), and the two-spirals
// toy set it learns: the model behind samples/live_training. Two hidden tanh
// layers, a sigmoid output, binary cross-entropy, full-batch Adam. Seeded, so
// the same settings train the same way every time.
#pragma once
#include <cstdint>
#include <vector>

namespace mlp {

struct Point {
    double x = 0, y = 0;
    int label = 0;  // 0 or 1: which spiral
};

// Two interleaved spirals of `per_class` points each in about [-1, 1]^2,
// with Gaussian noise of standard deviation `noise` added to each coordinate.
std::vector<Point> two_spirals(int per_class, double noise, uint32_t seed);

class Network {
public:
    Network(int hidden_units, uint32_t seed);
    // One step of Adam on the whole set (learning_rate > 0); returns the mean loss before the step.
    double train_step(const std::vector<Point>& data, double learning_rate);
    double predict(double x, double y) const;              // probability of label 1
    double loss(const std::vector<Point>& data) const;     // mean binary cross-entropy
    double accuracy(const std::vector<Point>& data) const; // fraction classified right at 0.5

private:
    struct Layer {
        int in = 0, out = 0;
        std::vector<double> w, b;                           // w[o * in + i]
        std::vector<double> mw, vw, mb, vb;                 // Adam's moments
    };
    // Activations of each layer for one input (a[0] is the input).
    void forward(double x, double y, std::vector<std::vector<double>>& a) const;
    void adam(Layer& layer, const std::vector<double>& gw, const std::vector<double>& gb, double learning_rate);
    std::vector<Layer> layers_;
    int steps_ = 0;
};

}  // namespace mlp
