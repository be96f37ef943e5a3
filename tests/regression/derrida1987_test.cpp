// Derrida, Gardner & Zippelius (1987), configs/papers/derrida1987_dilute.yaml at reduced size:
// K = 40 asymmetric inputs per neuron, synchronous dynamics from cues of overlap 0.9; the first
// step follows the finite-K form of m1 = erf(m0/sqrt(2 alpha)), the overlap stays high below
// alpha_c = 2/pi and decays above it.
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

namespace {

/// The finite-K map with a Gaussian crosstalk of variance K(P−1): E erf(S/sqrt(2K(P−1))),
/// S = 2B − K, B ~ Binomial(K, (1 + m)/2); theory.dgz_map_finite also keeps the binomial
/// crosstalk and the ties, which raise the first step by about 0.01 here (within the 0.02).
double dgz_map_finite(double m, int k, int p) {
  const double on = (1 + m) / 2;
  double sum = 0.0;
  for (int b = 0; b <= k; ++b) {
    const double log_pmf = std::lgamma(k + 1.0) - std::lgamma(b + 1.0) - std::lgamma(k - b + 1.0) +
                           b * std::log(on) + (k - b) * std::log(1 - on);
    sum += std::exp(log_pmf) * std::erf((2.0 * b - k) / std::sqrt(2.0 * k * (p - 1)));
  }
  return sum;
}

}  // namespace

TEST_CASE("DGZ 1987: dilute asymmetric network follows the overlap map, alpha_c = 2/pi",
          "[regression][derrida1987]") {
  const auto record =
      run_paper("derrida1987_dilute",
                {"sweep.trials=1",
                 "sweep.grid={patterns.count: [8, 20, 32], \"noise[0].fraction\": [0.05]}"});
  const auto& traj = dataset(record, "/trajectories/overlap");  // (points, trials, probes, steps)
  const std::size_t probes = traj.shape[2], steps = traj.shape[3];
  REQUIRE(steps == 9);
  auto mean_at = [&](std::size_t point, std::size_t t) {
    double sum = 0;
    for (std::size_t q = 0; q < probes; ++q) sum += traj.f64[(point * probes + q) * steps + t];
    return sum / static_cast<double>(probes);
  };
  const int patterns[] = {8, 20, 32};
  for (std::size_t p = 0; p < 3; ++p) {
    const double m0 = mean_at(p, 0), m1 = mean_at(p, 1), m8 = mean_at(p, 8);
    const double predicted = dgz_map_finite(m0, 40, patterns[p]);
    INFO(fmt::format("P = {}: m0 = {:.3f}, m1 = {:.4f} (finite-K map {:.4f}), m8 = {:.3f}",
                     patterns[p], m0, m1, predicted, m8));
    CHECK(std::abs(m0 - 0.9) < 1e-9);
    CHECK(std::abs(m1 - predicted) < 0.02);
    if (patterns[p] == 8) CHECK(m8 > 0.95);  // alpha = 0.2: retrieval
    if (patterns[p] == 20) CHECK(m8 > 0.5);  // (P−1)/K = 0.475 < 2/pi
    if (patterns[p] == 32) CHECK(m8 < 0.5);  // (P−1)/K = 0.775 > 2/pi: decays
  }
}
