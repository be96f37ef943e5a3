// Cover (1965), Gardner (1988), configs/papers/gardner1988_separability.yaml at reduced size
// (N = 21, D = 20): the share of neurons whose row can make P random patterns stable, decided
// exactly by linear programming, against Cover's probability C(P, D)/2^P for Gaussian inputs
// (general position), and close to it for the ±1 patterns at P ≤ D.
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

namespace {

/// Cover's probability 2^{1−P} Σ_{k<D} binom(P−1, k) (computed here, not by the experiment).
double cover(long p, long d) {
  if (p <= d) return 1.0;
  double sum = 0.0;
  for (long k = 0; k < d; ++k)
    sum += std::exp(binomial_log_pmf(static_cast<double>(k), static_cast<double>(p - 1)));
  return sum;
}

}  // namespace

TEST_CASE("Cover 1965 / Gardner 1988: exact separability against Cover's probability",
          "[regression][gardner1988]") {
  const auto record =
      run_paper("gardner1988_separability",
                {"sweep.trials=12", "experiment.neurons=15",
                 "sweep.grid={experiment.inputs: [gaussian, patterns], network.neurons: [21], "
                 "patterns.alpha: [0.5, 1.5, 2.0, 3.0]}"});
  const auto& inputs = dataset(record, "/points/experiment.inputs");
  const auto& sep = dataset(record, "/results/separable");
  const auto& stored = dataset(record, "/results/patterns_stored");
  const std::size_t trials = sep.shape[1], block = sep.shape[2];
  REQUIRE(inputs.text.size() == 8);
  for (std::size_t p = 0; p < 8; ++p) {
    const Estimate e = pooled(sep, p);
    const long np = stored.i64[p * trials];
    const double c = cover(np, 20);
    const double n = static_cast<double>(trials * block);
    INFO(fmt::format("{}: P = {}, D = 20: separable {:.4f}, Cover {:.4f}", inputs.text[p], np,
                     e.mean, c));
    if (inputs.text[p] == "gaussian") {
      if (c == 1.0)
        CHECK(e.mean == 1.0);
      else
        CHECK(std::abs(e.mean - c) <= 4 * std::sqrt(c * (1 - c) / n) + 1e-9);
    } else if (np <= 20) {
      CHECK(e.mean >= 0.95);  // ±1 inputs rarely coincide at D = 20
    } else {
      CHECK(e.mean <= c + 4 * std::sqrt(c * (1 - c) / n) + 0.05);
    }
  }
}
