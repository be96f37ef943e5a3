// Personnaz et al. (1985), Kanter & Sompolinsky (1987), configs/papers/kanter1987_pseudo_inverse
// .yaml at reduced size (N = 100): every pattern of the projection rule is a fixed point with
// either diagonal up to α = 0.9; with the diagonal kept a single flipped bit is corrected below
// α = ½ and not above it (the flipped bit feels (1 − 2P_ii)ξ_i, P_ii ≈ α), while with w_ii = 0
// it is corrected at every load.
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

TEST_CASE(
    "Kanter & Sompolinsky 1987: projection rule fixed points and the diagonal's basin "
    "collapse at alpha = 1/2",
    "[regression][kanter1987]") {
  const auto record = run_paper(
      "kanter1987_pseudo_inverse",
      {"network.neurons=100", "sweep.trials=3", "experiment.probes=30", "experiment.bootstrap=0",
       "sweep.grid={learning.zero_diagonal: [true, false], \"noise[0].fraction\": [0.01], "
       "patterns.alpha: [0.3, 0.7, 0.9]}"});
  const auto& zero = dataset(record, "/points/learning.zero_diagonal");
  const auto& alpha = dataset(record, "/points/patterns.alpha");
  const auto& fixed = dataset(record, "/results/fixed_point");
  const auto& cue = dataset(record, "/results/success_from_cue");
  REQUIRE(alpha.f64.size() == 6);
  for (std::size_t p = 0; p < 6; ++p) {
    const bool zero_diagonal = zero.text[p] == "true";
    const Estimate f = estimate(fixed, p);
    const Estimate c = estimate(cue, p);
    INFO(fmt::format("alpha = {}, zero_diagonal = {}: fixed {:.3f}, one-flip retrieved {:.3f}",
                     alpha.f64[p], zero.text[p], f.mean, c.mean));
    CHECK(f.mean == 1.0);
    // With w_ii = 0 at α = 0.9 and N = 100 the other neurons' margins 1 − P_jj ≈ 0.1 are
    // within reach of the flipped bit's crosstalk 2|P_ji| ~ 0.06, so only α ≤ 0.7 is checked.
    if (alpha.f64[p] < 0.5 || (zero_diagonal && alpha.f64[p] < 0.8))
      CHECK(c.mean >= 0.9);
    else if (!zero_diagonal)
      CHECK(c.mean <= 0.05);
  }
}
