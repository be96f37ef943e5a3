#include "hopfield/measure/overlap.hpp"

#include "hopfield/core/error.hpp"

#include <string>

namespace hopfield {

namespace {

void check_size(const PatternSet& patterns, const State& s) {
  if (s.size() != patterns.neurons()) {
    throw InputError("overlap: state has " + std::to_string(s.size()) + " neurons, patterns have " +
                     std::to_string(patterns.neurons()));
  }
}

}  // namespace

double overlap(const PatternSet& patterns, Eigen::Index mu, const State& s) {
  check_size(patterns, s);
  if (mu < 0 || mu >= patterns.count()) {
    throw InputError("overlap: pattern " + std::to_string(mu) + " of " +
                     std::to_string(patterns.count()));
  }
  const Representation r = patterns.representation;
  if (patterns.biased()) {
    // Normalised overlap for activity a, on the 0/1 images (DESIGN.md §2).
    const double a = patterns.activity;
    double sum = 0.0;
    for (Eigen::Index i = 0; i < s.size(); ++i) {
      const double xi01 = 0.5 * (static_cast<double>(to_bipolar(patterns.xi(mu, i), r)) + 1.0);
      const double s01 = 0.5 * (static_cast<double>(to_bipolar(s(i), r)) + 1.0);
      sum += (xi01 - a) * s01;
    }
    return sum / (static_cast<double>(s.size()) * a * (1.0 - a));
  }
  double sum = 0.0;
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    sum += static_cast<double>(to_bipolar(patterns.xi(mu, i), r)) *
           static_cast<double>(to_bipolar(s(i), r));
  }
  return sum / static_cast<double>(s.size());
}

Eigen::VectorXd overlaps(const PatternSet& patterns, const State& s) {
  Eigen::VectorXd m(patterns.count());
  for (Eigen::Index mu = 0; mu < patterns.count(); ++mu) {
    m(mu) = overlap(patterns, mu, s);
  }
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
