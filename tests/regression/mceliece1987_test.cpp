// McEliece, Posner, Rodemich & Venkatesh (1987), configs/papers/mceliece1987_exact_recall.yaml
// at reduced size (N = 100 and 200): the share of stored patterns that are exact fixed points
// at P = N/(2 ln N), against the finite-N prediction (1 − q)^N from the exact one-step error
// rate q of a bit, and all patterns fixed in most trials at P = N/(4 ln N).
#include "../statistical/capacity_support.hpp"
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

TEST_CASE("McEliece et al. 1987: exact fixed points at N/(2 ln N) and N/(4 ln N)",
          "[regression][mceliece1987]") {
  const auto record = run_paper(
      "mceliece1987_exact_recall",
      {"sweep.trials=100",
       "sweep.zip={network.neurons: [100, 100, 200, 200], patterns.count: [11, 5, 19, 9]}"});
  const auto& fixed = dataset(record, "/results/fixed_point");
  const long ns[] = {100, 100, 200, 200};
  const long ps[] = {11, 5, 19, 9};
  for (std::size_t p = 0; p < 4; ++p) {
    const double q = capacity_test::one_step_error_exact(ns[p], ps[p]);
    const double single = std::pow(1 - q, static_cast<double>(ns[p]));
    const Estimate e = estimate(fixed, p);
    // Trials in which every pattern is a fixed point.
    const std::size_t block = fixed.shape[2], trials = fixed.shape[1];
    double all = 0;
    for (std::size_t t = 0; t < trials; ++t) {
      bool every = true;
      for (std::size_t k = 0; k < block; ++k) {
        const auto v = fixed.i64[(p * trials + t) * block + k];
        if (v == 0) every = false;
      }
      all += every ? 1 : 0;
    }
    all /= static_cast<double>(trials);
    INFO(fmt::format(
        "N = {}, P = {}: share fixed {:.3f} ± {:.3f}, (1-q)^N = {:.3f}; all fixed "
        "in {:.2f} of the trials, (1-q)^(NP) = {:.3f}",
        ns[p], ps[p], e.mean, e.sem, single, all, std::pow(single, static_cast<double>(ps[p]))));
    CHECK(std::abs(e.mean - single) < 3 * e.sem + 0.005);
    if (p % 2 == 1) CHECK(all >= 0.9);  // N/(4 ln N): all fixed in most trials
    if (p % 2 == 0) CHECK(all < 0.8);   // N/(2 ln N): not all at once
  }
}
