// Krauth & Mézard (1987), configs/papers/krauth1987_minover.yaml at reduced size (N = 60): the
// stability each neuron reaches with minover, against Gardner's optimal stability κ_max(α), the
// inverse of α_c(κ) = 1/[(1 + κ²)Φ(κ) + κφ(κ)] (the closed form of 1/∫_{−κ}^∞ Dt (t + κ)²).
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

namespace {

double gardner_alpha_c(double kappa) {
  const double phi = std::exp(-0.5 * kappa * kappa) / std::sqrt(2 * std::acos(-1.0));
  return 1.0 / ((1 + kappa * kappa) * normal_cdf(kappa) + kappa * phi);
}

double kappa_max(double alpha) {
  double lo = 0.0, hi = 10.0;
  for (int it = 0; it < 100; ++it) {
    const double mid = 0.5 * (lo + hi);
    (gardner_alpha_c(mid) > alpha ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

TEST_CASE("Krauth & Mezard 1987: minover stability approaches Gardner's kappa_max(alpha)",
          "[regression][krauth1987]") {
  CHECK(gardner_alpha_c(0.0) == Approx(2.0));
  const auto record =
      run_paper("krauth1987_minover",
                {"network.neurons=60", "sweep.trials=2",
                 "sweep.grid={learning.max_iterations: [6000], patterns.alpha: [0.5, 1.0]}"});
  const auto& stab = dataset(record, "/results/stability");
  const auto& count = dataset(record, "/results/count");
  const std::size_t trials = stab.shape[1];
  for (std::size_t p = 0; p < 2; ++p) {
    const Estimate e = estimate(stab, p);
    const double a = static_cast<double>(count.i64[p * trials]) / 59.0;
    const double k = kappa_max(a);
    INFO(fmt::format("alpha = {:.3f}: mean stability {:.3f} ± {:.3f}, kappa_max {:.3f}", a, e.mean,
                     e.sem, k));
    CHECK(std::abs(e.mean - k) < 0.1);
  }
}
