// Amit, Gutfreund & Sompolinsky (1985, 1987), configs/papers/amit1985_thermal.yaml and
// amit1985_mixtures.yaml at reduced size: the Curie–Weiss overlap of one pattern, the
// replica-symmetric overlap at α = 0.05 and T = 0.3, and the symmetric mixture states.
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

TEST_CASE("AGS 1985: finite-temperature overlaps follow Curie-Weiss and the RS equations",
          "[regression][amit1985]") {
  const auto record =
      run_paper("amit1985_thermal",
                {"network.neurons=500", "sweep.trials=2",
                 "sweep.grid={patterns: [{type: random, count: 1}, {type: random, alpha: 0.05}], "
                 "dynamics.temperature: [0.3, 0.5, 1.2]}"});
  const auto& m = dataset(record, "/results/mean_overlap");
  // Points: (P = 1, α = 0.05) × (T = 0.3, 0.5, 1.2).
  const Estimate cw5 = estimate(m, 1);
  INFO(fmt::format("P = 1, T = 0.5: {:.4f} ± {:.4f}, Curie-Weiss {:.4f}", cw5.mean, cw5.sem,
                   curie_weiss(0.5)));
  CHECK(std::abs(cw5.mean - curie_weiss(0.5)) < 0.01);
  const Estimate cw12 = estimate(m, 2);
  INFO(fmt::format("P = 1, T = 1.2: {:.4f}", cw12.mean));
  CHECK(std::abs(cw12.mean) < 0.15);
  const Estimate rs3 = estimate(m, 3);
  const double theory = ags_overlap(0.05, 0.3);
  INFO(fmt::format("alpha = 0.05, T = 0.3: {:.4f} ± {:.4f}, RS {:.4f}", rs3.mean, rs3.sem, theory));
  CHECK(theory > 0.95);
  CHECK(theory < curie_weiss(0.3));
  CHECK(std::abs(rs3.mean - theory) < 0.015);
  // Above T_M(0.05) ≈ 0.54 and T_g = 1.22 the pattern is lost.
  CHECK(estimate(m, 5).mean < 0.3);
}

TEST_CASE("AGS 1985: odd symmetric mixtures are T = 0 attractors with energies -k m_k^2 / 2",
          "[regression][amit1985]") {
  const auto record = run_paper(
      "amit1985_mixtures", {"network.neurons=1000", "sweep.trials=1", "experiment.count=16",
                            "sweep.grid={experiment.mixture_order: [3, 5], patterns.count: [10]}"});
  const auto& cls = dataset(record, "/attractors/class");
  const auto& point = dataset(record, "/attractors/point");
  const auto& energy = dataset(record, "/attractors/energy");
  const auto& basin = dataset(record, "/attractors/basin_count");
  for (std::int64_t p = 0; p < 2; ++p) {
    const int k = p == 0 ? 3 : 5;
    const std::int64_t mixture_class = p == 0 ? 2 : 3;  // mixture_3, mixture_5
    double starts = 0, in_mixture = 0, e = 0;
    for (std::size_t r = 0; r < cls.i64.size(); ++r) {
      if (point.i64[r] != p) continue;
      const auto w = static_cast<double>(basin.i64[r]);
      starts += w;
      if (cls.i64[r] == mixture_class) in_mixture += w;
      e += w * energy.f64[r] / 1000.0;
    }
    const double m_k = mixture_overlap(k);
    INFO(fmt::format("k = {}: {} of {} starts in a {}-mixture, E/N = {:.4f}, theory {:.4f}", k,
                     in_mixture, starts, k, e / starts, -0.5 * k * m_k * m_k));
    CHECK(starts == 16);
    CHECK(in_mixture == starts);
    CHECK(std::abs(e / starts + 0.5 * k * m_k * m_k) < 0.005);
  }
  CHECK(mixture_overlap(3) == 0.5);
  CHECK(mixture_overlap(5) == 0.375);
  CHECK(mixture_overlap(7) == 0.3125);
}
