// Hopfield & Tank (1985) against Wilson & Pawley (1988), configs/papers/hopfield1985_tsp.yaml and
// wilson1988_tsp_sensitivity.yaml at reduced size (fewer starts, fewer set-ups). Checks the rows
// of docs/REPRODUCING.md: the faithful 1985 network on the published 10-city instance ends in a
// valid tour in a minority of runs, as Wilson & Pawley found, far below Hopfield & Tank's 16 of
// 20; its valid tours are much shorter than random tours; the improved network is valid in
// nearly every run with shorter tours; and the valid share moves strongly with one penalty.
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

namespace {

struct Share {
  double valid = 0.0;       ///< share of runs with a valid tour
  double se = 0.0;          ///< binomial standard error
  double mean_ratio = 0.0;  ///< mean valid tour length / optimum
  double min_ratio = 0.0;   ///< shortest valid tour / optimum
  std::size_t runs = 0;
};

Share share(const hopfield::Record& record, std::size_t point) {
  const auto& valid = dataset(record, "/results/valid");
  const auto& ratio = dataset(record, "/results/ratio_to_optimum");
  const auto& violations = dataset(record, "/results/violations");
  const std::size_t trials = valid.shape[1];
  Share s;
  double sum = 0.0, good = 0.0;
  s.min_ratio = 1e300;
  for (std::size_t t = 0; t < trials; ++t) {
    const auto k = point * trials + t;
    if (valid.i64[k] < 0) continue;
    ++s.runs;
    CHECK((valid.i64[k] == 1) == (violations.i64[k] == 0));
    if (valid.i64[k] == 1) {
      good += 1;
      sum += ratio.f64[k];
      s.min_ratio = std::min(s.min_ratio, ratio.f64[k]);
    }
  }
  const double n = static_cast<double>(s.runs);
  s.valid = good / n;
  s.se = std::sqrt(s.valid * (1 - s.valid) / n);
  s.mean_ratio = good > 0 ? sum / good : std::numeric_limits<double>::quiet_NaN();
  return s;
}

}  // namespace

TEST_CASE("Hopfield & Tank 1985 TSP: a minority of valid tours (Wilson & Pawley 1988)",
          "[regression][hopfield1985]") {
  // Point 0: the faithful network (dopri5); point 1: the improved network.
  const auto record = run_paper(
      "hopfield1985_tsp",
      {"sweep.trials=40",
       "sweep.zip={experiment.problem.encoding: [hopfield_tank, squared], experiment.problem.D: "
       "[500, 350], dynamics.integrator: [dopri5, dopri5], dynamics.dt: [1.0e-4, 1.0e-3], "
       "dynamics.t_end: [20, 250], dynamics.gain_schedule: [{}, {from: 0.0002, to: 0.1, over: "
       "200}], dynamics.record_every: [0.05, 0.5]}"});
  const Share faithful = share(record, 0), improved = share(record, 1);
  INFO(
      fmt::format("faithful: {:.3f} ± {:.3f} valid, mean ratio {:.3f}; improved: {:.3f} ± "
                  "{:.3f}, mean ratio {:.3f}",
                  faithful.valid, faithful.se, faithful.mean_ratio, improved.valid, improved.se,
                  improved.mean_ratio));
  REQUIRE(faithful.runs == 40);
  // Hopfield & Tank's 16/20 = 0.8 (s.e. 0.09) is excluded; Wilson & Pawley's 15/100 is not.
  CHECK(faithful.valid + 3 * std::hypot(faithful.se, 0.089) < 0.8);
  CHECK(std::abs(faithful.valid - 0.15) < 3 * std::hypot(faithful.se, 0.036));
  CHECK(faithful.valid > 0.0);
  // Valid tours are never shorter than the Held–Karp optimum and far from a random tour
  // (about twice the optimum on this instance).
  CHECK(faithful.min_ratio >= 1.0 - 1e-9);
  CHECK(faithful.mean_ratio < 1.4);
  CHECK(improved.valid >= 0.9);
  CHECK(improved.min_ratio >= 1.0 - 1e-9);
  CHECK(improved.mean_ratio < faithful.mean_ratio);
}

TEST_CASE("Wilson & Pawley 1988: the valid share moves strongly with one penalty",
          "[regression][hopfield1985]") {
  // The published point, A = B doubled, C × 1.5 (the other parameters at their published values).
  const auto record = run_paper(
      "wilson1988_tsp_sensitivity",
      {"sweep.trials=40",
       "sweep.zip={experiment.problem.A: [500, 1000, 500], experiment.problem.B: [500, 1000, "
       "500], experiment.problem.C: [200, 200, 300], experiment.problem.D: [500, 500, 500], "
       "experiment.problem.n: [15, 15, 15], dynamics.activation.gain: [50, 50, 50]}"});
  const Share published = share(record, 0), strong = share(record, 1), global = share(record, 2);
  INFO(fmt::format(
      "published {:.3f} (mean ratio {:.3f}); A = B = 1000: {:.3f} (mean ratio {:.3f}); "
      "C = 300: {:.3f}",
      published.valid, published.mean_ratio, strong.valid, strong.mean_ratio, global.valid));
  CHECK(published.valid > 0.05);
  CHECK(published.valid < 0.5);
  // Doubling the row/column penalties makes nearly every run valid, at the price of longer tours.
  CHECK(strong.valid >= 0.85);
  CHECK(strong.mean_ratio > published.mean_ratio + 0.1);
  // A 50 % larger global penalty C leaves (almost) no valid run.
  CHECK(global.valid <= 0.05);
}
