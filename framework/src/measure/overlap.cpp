#include "hopfield/measure/overlap.hpp"

#include "hopfield/core/error.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace hopfield {

namespace {

void check_size(const PatternSet& patterns, const State& s) {
  if (s.size() != patterns.neurons()) {
    throw InputError("overlap: state has " + std::to_string(s.size()) + " neurons, patterns have " +
                     std::to_string(patterns.neurons()));
  }
}

/// Bipolar images of a state as bytes −1, 0 (unknown) or +1; false if some image is another
/// value (then the float64 sum is used).
bool bipolar_bytes(const State& s, Representation r, std::vector<std::int8_t>& out) {
  out.resize(static_cast<std::size_t>(s.size()));
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    const float v = to_bipolar(s[i], r);
    if (v != 1.0F && v != -1.0F && v != 0.0F) return false;
    out[static_cast<std::size_t>(i)] = static_cast<std::int8_t>(v);
  }
  return true;
}

double float_overlap(const PatternSet& patterns, Eigen::Index mu, const State& s) {
  const Representation r = patterns.representation;
  double sum = 0.0;
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    sum += static_cast<double>(to_bipolar(patterns.xi(mu, i), r)) *
           static_cast<double>(to_bipolar(s(i), r));
  }
  return sum / static_cast<double>(s.size());
}

/// Σ_i ξ_i^μ s_i on bipolar images, exact in integers (the same number as the float64 sum).
std::int64_t bipolar_dot(const PatternSet& patterns, Eigen::Index mu,
                         const std::vector<std::int8_t>& s) {
  const std::int8_t* x = patterns.xi.row(mu).data();
  const auto n = static_cast<std::ptrdiff_t>(s.size());
  std::int32_t sum = 0;
  if (patterns.representation == Representation::bipolar) {
    for (std::ptrdiff_t i = 0; i < n; ++i) sum += x[i] * s[static_cast<std::size_t>(i)];
  } else {
    for (std::ptrdiff_t i = 0; i < n; ++i) sum += (2 * x[i] - 1) * s[static_cast<std::size_t>(i)];
  }
  return sum;
}

double biased_overlap(const PatternSet& patterns, Eigen::Index mu, const State& s) {
  // Normalised overlap for activity a, on the 0/1 images (DESIGN.md §2).
  const Representation r = patterns.representation;
  const double a = patterns.activity;
  double sum = 0.0;
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    const double xi01 = 0.5 * (static_cast<double>(to_bipolar(patterns.xi(mu, i), r)) + 1.0);
    const double s01 = 0.5 * (static_cast<double>(to_bipolar(s(i), r)) + 1.0);
    sum += (xi01 - a) * s01;
  }
  return sum / (static_cast<double>(s.size()) * a * (1.0 - a));
}

void check_pattern(const PatternSet& patterns, Eigen::Index mu) {
  if (mu < 0 || mu >= patterns.count()) {
    throw InputError("overlap: pattern " + std::to_string(mu) + " of " +
                     std::to_string(patterns.count()));
  }
}

}  // namespace

double overlap(const PatternSet& patterns, Eigen::Index mu, const State& s) {
  check_size(patterns, s);
  check_pattern(patterns, mu);
  if (patterns.biased()) return biased_overlap(patterns, mu, s);
  std::vector<std::int8_t> bytes;
  if (!bipolar_bytes(s, patterns.representation, bytes)) return float_overlap(patterns, mu, s);
  return static_cast<double>(bipolar_dot(patterns, mu, bytes)) / static_cast<double>(s.size());
}

Eigen::VectorXd overlaps(const PatternSet& patterns, const State& s) {
  check_size(patterns, s);
  Eigen::VectorXd m(patterns.count());
  if (patterns.biased()) {
    for (Eigen::Index mu = 0; mu < patterns.count(); ++mu) m(mu) = biased_overlap(patterns, mu, s);
    return m;
  }
  std::vector<std::int8_t> bytes;
  if (!bipolar_bytes(s, patterns.representation, bytes)) {
    for (Eigen::Index mu = 0; mu < patterns.count(); ++mu) m(mu) = float_overlap(patterns, mu, s);
    return m;
  }
  const auto n = static_cast<double>(s.size());
  for (Eigen::Index mu = 0; mu < patterns.count(); ++mu)
    m(mu) = static_cast<double>(bipolar_dot(patterns, mu, bytes)) / n;
  return m;
}

Eigen::Index hamming(const State& a, const State& b, Representation r) {
  if (a.size() != b.size()) {
    throw InputError("hamming: states of different sizes");
  }
  Eigen::Index d = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    if (to_bipolar(a(i), r) != to_bipolar(b(i), r)) {
      ++d;
    }
  }
  return d;
}

}  // namespace hopfield
