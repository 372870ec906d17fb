#include "mlp.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace mlp {

std::vector<Point> two_spirals(int per_class, double noise, uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> jitter(0.0, 1.0);
    std::vector<Point> points;
    const double pi = std::acos(-1.0);
    for (int i = 0; i < per_class; ++i) {
        const double t = (double)i / per_class;
        const double angle = 0.5 * pi + t * 3.0 * pi;  // one and a half turns
        const double radius = 0.1 + 0.85 * t;
        for (int label = 0; label < 2; ++label) {
            const double sign = label == 0 ? 1 : -1;  // the second spiral is the first turned half a turn
            points.push_back({sign * radius * std::cos(angle) + noise * jitter(rng),
                              sign * radius * std::sin(angle) + noise * jitter(rng), label});
        }
    }
    return points;
}

Network::Network(int hidden_units, uint32_t seed) {
    std::mt19937 rng(seed);
    const int sizes[] = {2, std::max(1, hidden_units), std::max(1, hidden_units), 1};
    for (int l = 0; l < 3; ++l) {
        Layer layer;
        layer.in = sizes[l];
        layer.out = sizes[l + 1];
        std::normal_distribution<double> init(0.0, 1.0 / std::sqrt((double)layer.in));  // keeps tanh out of saturation
        for (int k = 0; k < layer.in * layer.out; ++k) layer.w.push_back(init(rng));
        layer.b.assign((size_t)layer.out, 0.0);
        layer.mw.assign(layer.w.size(), 0.0);
        layer.vw = layer.mw;
        layer.mb.assign(layer.b.size(), 0.0);
        layer.vb = layer.mb;
        layers_.push_back(std::move(layer));
    }
}

void Network::forward(double x, double y, std::vector<std::vector<double>>& a) const {
    a.resize(layers_.size() + 1);
    a[0] = {x, y};
    for (size_t l = 0; l < layers_.size(); ++l) {
        const Layer& layer = layers_[l];
        a[l + 1].assign((size_t)layer.out, 0.0);
        for (int o = 0; o < layer.out; ++o) {
            double sum = layer.b[(size_t)o];
            for (int i = 0; i < layer.in; ++i) sum += layer.w[(size_t)(o * layer.in + i)] * a[l][(size_t)i];
            const bool last = l + 1 == layers_.size();
            a[l + 1][(size_t)o] = last ? 1.0 / (1.0 + std::exp(-sum)) : std::tanh(sum);
        }
    }
}

double Network::predict(double x, double y) const {
    std::vector<std::vector<double>> a;
    forward(x, y, a);
    return a.back()[0];
}

double Network::loss(const std::vector<Point>& data) const {
    double total = 0;
    for (const Point& p : data) {
        const double q = std::clamp(predict(p.x, p.y), 1e-12, 1 - 1e-12);
        total -= p.label ? std::log(q) : std::log(1 - q);
    }
    return data.empty() ? 0 : total / (double)data.size();
}

double Network::accuracy(const std::vector<Point>& data) const {
    int right = 0;
    for (const Point& p : data) right += (predict(p.x, p.y) >= 0.5) == (p.label == 1);
    return data.empty() ? 0 : (double)right / (double)data.size();
}

// Backpropagation over the whole set, then one Adam update of every layer.
double Network::train_step(const std::vector<Point>& data, double learning_rate) {
    std::vector<std::vector<double>> gw(layers_.size()), gb(layers_.size()), a, delta(layers_.size());
    for (size_t l = 0; l < layers_.size(); ++l) {
        gw[l].assign(layers_[l].w.size(), 0.0);
        gb[l].assign(layers_[l].b.size(), 0.0);
    }
    double total = 0;
    for (const Point& p : data) {
        forward(p.x, p.y, a);
        const double q = std::clamp(a.back()[0], 1e-12, 1 - 1e-12);
        total -= p.label ? std::log(q) : std::log(1 - q);
        delta.back() = {a.back()[0] - p.label};  // sigmoid + cross-entropy: the error itself
        for (size_t l = layers_.size(); l-- > 0;) {
            const Layer& layer = layers_[l];
            if (l > 0) delta[l - 1].assign((size_t)layer.in, 0.0);
            for (int o = 0; o < layer.out; ++o) {
                const double d = delta[l][(size_t)o];
                gb[l][(size_t)o] += d;
                for (int i = 0; i < layer.in; ++i) {
                    gw[l][(size_t)(o * layer.in + i)] += d * a[l][(size_t)i];
                    if (l > 0) delta[l - 1][(size_t)i] += d * layer.w[(size_t)(o * layer.in + i)];
                }
            }
            if (l > 0)
                for (int i = 0; i < layer.in; ++i) delta[l - 1][(size_t)i] *= 1 - a[l][(size_t)i] * a[l][(size_t)i];  // tanh'
        }
    }
    const double n = std::max<size_t>(1, data.size());
    ++steps_;
    for (size_t l = 0; l < layers_.size(); ++l) {
        for (double& g : gw[l]) g /= n;
        for (double& g : gb[l]) g /= n;
        adam(layers_[l], gw[l], gb[l], learning_rate);
    }
    return total / n;
}

void Network::adam(Layer& layer, const std::vector<double>& gw, const std::vector<double>& gb, double learning_rate) {
    constexpr double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    const double correction1 = 1 - std::pow(beta1, steps_), correction2 = 1 - std::pow(beta2, steps_);
    auto update = [&](std::vector<double>& value, std::vector<double>& m, std::vector<double>& v,
                      const std::vector<double>& g) {
        for (size_t k = 0; k < value.size(); ++k) {
            m[k] = beta1 * m[k] + (1 - beta1) * g[k];
            v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
            value[k] -= learning_rate * (m[k] / correction1) / (std::sqrt(v[k] / correction2) + epsilon);
        }
    };
    update(layer.w, layer.mw, layer.vw, gw);
    update(layer.b, layer.mb, layer.vb, gb);
}

}  // namespace mlp
