// Hopfield (1982), configs/papers/hopfield1982_recall.yaml at reduced size (three loads instead
// of 25, the full 200 trials: N = 100 is cheap). Checks the rows of docs/REPRODUCING.md: the
// fraction of memories recalled without error at n = 10 (published 0.6, against the naive
// independent-bit estimate 0.40 that a correct simulation must NOT give), the per-bit error
// rate against the exact finite-N rate and Eq. 10, recall breaking down around 0.15 N, and the
// clipped couplings against Eq. 10 with (n − 1)π/2 memories.
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

namespace {

const std::vector<std::string> reduced = {
    "sweep.trials=200", "sweep.grid={noise: [[], [{type: clip}]], patterns.count: [7, 10, 15]}"};

/// Point index: noise varies slowest (0 unclipped, 1 clipped), then the count.
std::size_t at(int clipped, int memories) {
  const int index = memories == 7 ? 0 : memories == 10 ? 1 : 2;
  return static_cast<std::size_t>(clipped * 3 + index);
}

}  // namespace

TEST_CASE("Hopfield 1982: recall of N = 100 0/1 neurons matches the paper and Eq. 10",
          "[regression][hopfield1982]") {
  const auto record = run_paper("hopfield1982_recall", reduced);
  const auto& count = dataset(record, "/points/patterns.count");
  REQUIRE(count.f64 == std::vector<double>{7, 10, 15, 7, 10, 15});
  const auto& fixed = dataset(record, "/results/success_from_pattern");
  const auto& unstable = dataset(record, "/results/unstable_fraction");
  const auto& overlap = dataset(record, "/results/overlap_from_pattern");

  SECTION("error-free recall at n = 10 is the paper's 0.6, not the naive 0.4") {
    const Estimate e = estimate(fixed, at(0, 10));
    const double naive = std::exp(-100.0 * hopfield82_eq10(100, 10));
    INFO(
        fmt::format("measured {:.3f} ± {:.3f}, published 0.6, naive {:.3f}", e.mean, e.sem, naive));
    CHECK(std::abs(naive - 0.40) < 0.01);
    CHECK(std::abs(e.mean - 0.6) < 0.05 + 2 * e.sem);
    CHECK(e.mean - naive > 5 * e.sem);
  }

  SECTION("per-bit error rate within 3 s.e. of the exact rate, which Eq. 10 approximates") {
    for (int n : {7, 10, 15}) {
      const Estimate e = estimate(unstable, at(0, n));
      const double exact = hopfield82_exact(100, n);
      const double eq10 = hopfield82_eq10(100, n);
      INFO(fmt::format("n = {}: measured {:.5f} ± {:.5f}, exact {:.5f}, Eq. 10 {:.5f}", n, e.mean,
                       e.sem, exact, eq10));
      CHECK(std::abs(e.mean - exact) < 3 * e.sem);
      CHECK(std::abs(exact / eq10 - 1) < 0.08);
    }
  }

  SECTION("most memories are recalled within 5 % errors at 0.1 N, most are not at 0.15 N") {
    auto share_within = [&](std::size_t p) {  // pooled over trials: P(m ≥ 0.9)
      const std::size_t block = overlap.shape[1] * overlap.shape[2];
      double ok = 0, all = 0;
      for (std::size_t k = p * block; k < (p + 1) * block; ++k)
        if (!std::isnan(overlap.f64[k])) {
          ok += overlap.f64[k] >= 0.9 ? 1 : 0;
          all += 1;
        }
      return ok / all;
    };
    CHECK(share_within(at(0, 10)) > 0.6);
    CHECK(share_within(at(0, 15)) < 0.4);
    CHECK(estimate(overlap, at(0, 15)).mean < 0.6);
  }

  SECTION("clipped couplings: per-bit errors of Eq. 10 at (n − 1)π/2 memories") {
    const double pi = std::acos(-1.0);
    for (int n : {7, 15}) {  // odd n: every clipped coupling is ±1
      const Estimate e = estimate(unstable, at(1, n));
      const double predicted = hopfield82_eq10(100, 1 + (n - 1) * pi / 2);
      INFO(fmt::format("clipped n = {}: measured {:.5f} ± {:.5f}, Eq. 10 at n_eff {:.5f}", n,
                       e.mean, e.sem, predicted));
      CHECK(std::abs(e.mean / predicted - 1) < 0.15);
      CHECK(e.mean > estimate(unstable, at(0, n)).mean + 3 * e.sem);
    }
    CHECK(estimate(fixed, at(1, 10)).mean < estimate(fixed, at(0, 10)).mean);
  }
}
