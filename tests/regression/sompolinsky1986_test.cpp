// Sompolinsky (1986), configs/papers/sompolinsky1986_clipped.yaml at reduced size (N = 1000, a few
// odd loads, 3 trials): clipped couplings sign(T_ij) have the one-step error of their exact
// finite-N rate (close to the Hebbian rate at the load απ/2), a retrieval overlap on the
// replica-symmetric curve with static noise π/2 − 1, and lose retrieval at loads where the
// Hebbian network on the same patterns still retrieves.
#include "../statistical/capacity_support.hpp"
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

namespace {

/// P(B < limit), B ~ Binomial(n, prob).
double binomial_cdf_below_p(double limit, long n, double prob) {
  const long b_max = std::min(static_cast<long>(std::ceil(limit)) - 1, n);
  double sum = 0.0;
  for (long b = 0; b <= b_max; ++b) {
    const double k = static_cast<double>(b), nn = static_cast<double>(n);
    sum += std::exp(std::lgamma(nn + 1) - std::lgamma(k + 1) - std::lgamma(nn - k + 1) +
                    k * std::log(prob) + (nn - k) * std::log1p(-prob));
  }
  return sum;
}

/// Exact one-step error of clipped Hebbian couplings for odd P
/// (theory.clipped_one_step_error_exact): each of the N − 1 couplings adds +1 to the aligned field
/// with p = P(Binomial(P − 1, ½) ≥ (P−1)/2).
double clipped_one_step_error_exact(long n, long p) {
  const long m = p - 1;
  double plus = 0.0;
  for (long b = m / 2; b <= m; ++b)
    plus += std::exp(binomial_log_pmf(static_cast<double>(b), static_cast<double>(m)));
  return binomial_cdf_below_p(static_cast<double>(n - 1) / 2.0, n - 1, plus);
}

/// RS T = 0 overlap with static synaptic noise of relative variance delta
/// (theory.clipped_overlap_t0).
double clipped_overlap_t0(double alpha, double delta) {
  const double pi = std::acos(-1.0);
  double m = 1.0, c = 0.0;
  for (int it = 0; it < 200000; ++it) {
    const double var = alpha / ((1.0 - c) * (1.0 - c)) + alpha * delta;
    const double y = m / std::sqrt(2.0 * var);
    const double m_new = std::erf(y);
    const double c_new = std::sqrt(2.0 / (pi * var)) * std::exp(-y * y);
    if (c_new >= 1.0 || m_new < 1e-6) break;
    if (std::abs(m_new - m) < 1e-13 && std::abs(c_new - c) < 1e-13) return m_new;
    m = m_new;
    c = c_new;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

TEST_CASE("Sompolinsky 1986: clipped synapses act as Hebbian couplings with static noise",
          "[regression][sompolinsky1986]") {
  // Points: the zip over (N, P) is the outer axis, noise (clipped, then Hebbian) the inner one.
  const auto record = run_paper(
      "sompolinsky1986_clipped",
      {"sweep.trials=3", "experiment.probes=40",
       "sweep.zip={network.neurons: [1000, 1000, 1000], patterns.count: [61, 141, 131]}"});
  const auto& count = dataset(record, "/points/patterns.count");
  REQUIRE(count.f64 == std::vector<double>{61, 61, 141, 141, 131, 131});
  const auto& unstable = dataset(record, "/results/unstable_fraction");
  const auto& overlap = dataset(record, "/results/overlap_from_pattern");
  const double pi = std::acos(-1.0);

  SECTION("one-step error: the exact clipped rate, near the Hebbian rate at the load απ/2") {
    for (std::size_t p : {0, 2}) {
      const long patterns = std::lround(count.f64[p]);
      const Estimate e = estimate(unstable, p);
      const double exact = clipped_one_step_error_exact(1000, patterns);
      const double limit =
          normal_cdf(-1.0 / std::sqrt(pi / 2 * static_cast<double>(patterns) / 1000));
      const double hebbian = capacity_test::one_step_error_exact(1000, patterns);
      INFO(
          fmt::format("P = {}: clipped {:.5f} ± {:.5f}, exact {:.5f}, limit {:.5f}, Hebbian {:.5f}",
                      patterns, e.mean, e.sem, exact, limit, hebbian));
      CHECK(std::abs(e.mean - exact) < 3 * e.sem + 0.1 * exact);
      CHECK(exact < limit);
      CHECK(exact > 0.6 * limit);
      CHECK(exact > 3 * hebbian);
    }
  }

  SECTION("retrieval overlap at alpha = 0.061 on the RS curve with static noise") {
    const Retrieved r = retrieved_overlap(overlap, 0);
    const double rs = clipped_overlap_t0(0.061, pi / 2 - 1);
    INFO(
        fmt::format("mean over {} of {} retrieved starts {:.5f}, RS with noise {:.5f}, Hebbian "
                    "{:.5f}",
                    r.retrieved, r.starts, r.mean, rs, ags_overlap_t0(0.061)));
    CHECK(r.retrieved >= r.starts - 2);
    CHECK(std::abs(r.mean - rs) < 0.002);
    CHECK(ags_overlap_t0(0.061) - r.mean > 0.0005);
  }

  SECTION("at alpha = 0.141 the Hebbian network retrieves, the clipped one does not") {
    const auto& success = dataset(record, "/results/success_from_pattern");
    const Estimate clipped = estimate(success, 2), hebbian = estimate(success, 3);
    INFO(fmt::format("P(m >= 0.9): clipped {:.3f}, Hebbian {:.3f}", clipped.mean, hebbian.mean));
    CHECK(clipped.mean < 0.3);
    CHECK(hebbian.mean > 0.7);
  }
}
