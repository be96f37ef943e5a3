// Amit, Gutfreund & Sompolinsky (1987), configs/papers/amit1987_retrieval.yaml and
// amit1987_finite_size.yaml at reduced size: the T = 0 retrieval overlap of the starts that
// stay retrieved against the replica-symmetric curve, the one-step error per bit against the
// exact finite-N tail, and (label papers) the finite-size 50 % point extrapolated to 0.138.
#include "../statistical/capacity_support.hpp"
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

TEST_CASE("AGS 1987: T = 0 retrieval overlap and one-step errors at N = 1000",
          "[regression][amit1987]") {
  const auto record = run_paper("amit1987_retrieval",
                                {"network.neurons=1000", "sweep.trials=3", "experiment.probes=60",
                                 "sweep.grid={patterns.alpha: [0.10, 0.12, 0.16]}"});
  const auto& overlap = dataset(record, "/results/overlap_from_pattern");
  const auto& unstable = dataset(record, "/results/unstable_fraction");
  const double alphas[] = {0.10, 0.12, 0.16};
  for (std::size_t p = 0; p < 2; ++p) {
    const Retrieved r = retrieved_overlap(overlap, p);
    const double rs = ags_overlap_t0(alphas[p]);
    INFO(fmt::format("alpha = {}: mean over {} of {} retrieved starts {:.5f}, RS {:.5f}", alphas[p],
                     r.retrieved, r.starts, r.mean, rs));
    CHECK(r.retrieved >= r.starts - 2);
    CHECK(std::abs(r.mean - rs) < 0.0015);
  }
  // Past the finite-size 50 % point (0.165 at N = 1000) most starts are lost.
  CHECK(estimate(dataset(record, "/results/success_from_pattern"), 2).mean < 0.9);
  for (std::size_t p = 0; p < 3; ++p) {
    const Estimate e = estimate(unstable, p);
    const double exact = capacity_test::one_step_error_exact(1000, std::lround(alphas[p] * 1000));
    const double limit = normal_cdf(-1.0 / std::sqrt(alphas[p]));
    INFO(fmt::format("alpha = {}: one-step error {:.5f} ± {:.5f}, exact {:.5f}, limit {:.5f}",
                     alphas[p], e.mean, e.sem, exact, limit));
    CHECK(std::abs(e.mean / exact - 1) < 0.2);
    CHECK(exact < limit);
  }
}

TEST_CASE("AGS 1987: the finite-size 50 % point falls towards 0.138 like 1/sqrt(N)",
          "[regression][amit1987][papers]") {
  const auto record = run_paper(
      "amit1987_finite_size",
      {"sweep.trials=4", "experiment.probes=40", "experiment.bootstrap=200",
       "sweep.grid={network.neurons: [250, 500, 1000], patterns.alpha: [0.13, 0.14, 0.15, "
       "0.16, 0.17, 0.18, 0.19, 0.20, 0.22]}"});
  const auto& ac = dataset(record, "/capacity/alpha_c");
  REQUIRE(ac.f64.size() == 3);
  INFO(fmt::format("50 % points: N = 250: {:.4f}, 500: {:.4f}, 1000: {:.4f}", ac.f64[0], ac.f64[1],
                   ac.f64[2]));
  CHECK(ac.f64[0] > ac.f64[1]);
  CHECK(ac.f64[1] > ac.f64[2]);
  CHECK(ac.f64[2] > 0.14);
  // Least squares α_c = a + b/√N through the three points.
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  const double ns[] = {250, 500, 1000};
  for (int k = 0; k < 3; ++k) {
    const double x = 1 / std::sqrt(ns[k]);
    sx += x;
    sy += ac.f64[static_cast<std::size_t>(k)];
    sxx += x * x;
    sxy += x * ac.f64[static_cast<std::size_t>(k)];
  }
  const double b = (3 * sxy - sx * sy) / (3 * sxx - sx * sx);
  const double a = (sy - b * sx) / 3;
  INFO(fmt::format("extrapolated alpha_inf = {:.4f}, slope {:.3f}", a, b));
  CHECK(std::abs(a - 0.138) < 0.015);
  CHECK(b > 0.3);
}
