// The attractors experiment against independent brute force: the exhaustive Gray-code census
// finds exactly the one-flip-stable states, its basins equal a plain simulation from every
// state, random starts reproduce those basin shares within binomial error, and the symmetric
// 3-mixtures of a large Hebbian network are fixed points with overlaps 1/2 (Amit, Gutfreund &
// Sompolinsky 1985).
#include "hopfield/experiments/attractors.hpp"
#include "../experiment_run_support.hpp"
#include "hopfield/experiments/runner.hpp"
#include "hopfield/measure/overlap.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

using namespace hopfield;
using test::get;
using test::run_yaml;
using Run = test::YamlRun;

namespace {

std::string census_yaml(int n, int p, int seed, const std::string& starts,
                        const std::string& dynamics = "{type: async, order: sequential}",
                        int trials = 1) {
  return fmt::format(
      "experiment: {{type: attractors, starts: {}}}\nseed: {}\nnetwork: {{neurons: {}}}\n"
      "patterns: {{type: random, count: {}}}\nlearning: hebbian\ndynamics: {}\n"
      "sweep: {{trials: {}}}\n",
      starts, seed, n, p, dynamics, trials);
}

/// Raw integer Hebbian matrix M (W = M/N) of trial 0, read from the model independently of
/// the census code.
std::vector<std::vector<long>> raw_matrix(const Run& run, std::uint64_t trial = 0) {
  const Trial t = build_trial(run.prepared.models.front(), trial);
  const auto n = static_cast<std::size_t>(t.network.size());
  std::vector<std::vector<long>> m(n, std::vector<long>(n));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      m[i][j] = std::lround(
          t.network.couplings->raw(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
  return m;
}

int spin(std::uint64_t x, std::size_t i) {
  return ((x >> i) & 1U) != 0 ? 1 : -1;
}

/// Plain sequential asynchronous dynamics with the keep tie rule, fields from scratch.
std::uint64_t settle(const std::vector<std::vector<long>>& m, std::uint64_t x) {
  const std::size_t n = m.size();
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < n; ++i) {
      long h = 0;
      for (std::size_t j = 0; j < n; ++j) h += m[i][j] * spin(x, j);
      if ((h > 0 && spin(x, i) < 0) || (h < 0 && spin(x, i) > 0)) {
        x ^= std::uint64_t{1} << i;
        changed = true;
      }
    }
  }
  return x;
}

bool stable(const std::vector<std::vector<long>>& m, std::uint64_t x) {
  for (std::size_t i = 0; i < m.size(); ++i) {
    long h = 0;
    for (std::size_t j = 0; j < m.size(); ++j) h += m[i][j] * spin(x, j);
    if (h * spin(x, i) < 0) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("classify names patterns, reversed patterns and symmetric mixtures",
          "[attractors][classify]") {
  PatternSet ps;
  RandomStream rng(7, Purpose::patterns, 0, 0, 0);
  const Eigen::Index n = 400;
  ps.xi.resize(5, n);
  for (Eigen::Index mu = 0; mu < 5; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) ps.xi(mu, i) = rng.bernoulli(0.5) ? 1.0F : -1.0F;
  const ClassifyOptions options;
  const auto cls = [&](const State& s) { return classify(ps, s, overlaps(ps, s), options); };
  CHECK(cls(ps.pattern(2)).cls == AttractorClass::pattern);
  CHECK(cls(ps.pattern(2)).pattern == 2);
  CHECK(cls(State(-ps.pattern(4))).cls == AttractorClass::reversed);
  CHECK(cls(State(-ps.pattern(4))).pattern == 4);
  CHECK(cls(mixture_state(ps, {0, 1, 3}, {1, -1, 1})).cls == AttractorClass::mixture_3);
  CHECK(cls(mixture_state(ps, {0, 1, 2, 3, 4}, {1, 1, 1, -1, 1})).cls == AttractorClass::mixture_5);
  RandomStream other(8, Purpose::starts, 0, 0, 0);
  State random(n);
  for (Eigen::Index i = 0; i < n; ++i) random[i] = other.bernoulli(0.5) ? 1.0F : -1.0F;
  CHECK(cls(random).cls == AttractorClass::spin_glass);
}

TEST_CASE("mixture starts enumerate every k-subset with every sign pattern",
          "[attractors][mixtures]") {
  const auto all = mixture_starts(5, 3, 0);
  CHECK(all.size() == 10 * 8);
  std::set<std::pair<std::vector<Eigen::Index>, std::vector<int>>> distinct(all.begin(), all.end());
  CHECK(distinct.size() == all.size());
  CHECK(mixture_starts(5, 3, 17).size() == 17);
  CHECK(mixture_starts(2, 3, 0).empty());
}

TEST_CASE("packing round-trips states and complements flip exactly N bits", "[attractors][pack]") {
  State s(70);
  for (Eigen::Index i = 0; i < 70; ++i) s[i] = (i % 3 == 0) ? 1.0F : -1.0F;
  const PackedState w = pack(s);
  REQUIRE(w.size() == 2);
  CHECK(unpack(w, 70, Representation::bipolar) == s);
  CHECK(unpack(complement(w, 70), 70, Representation::bipolar) == State(-s));
  CHECK(complement(complement(w, 70), 70) == w);
}

TEST_CASE("exhaustive census finds exactly the one-flip-stable states of a brute-force check",
          "[attractors][exhaustive]") {
  for (int p : {2, 3}) {
    for (int seed : {1, 2, 3}) {
      const Run run = run_yaml(census_yaml(16, p, seed, "exhaustive"));
      const auto m = raw_matrix(run);
      std::set<std::uint64_t> expected;
      for (std::uint64_t x = 0; x < (1U << 16); ++x)
        if (stable(m, x)) expected.insert(x);
      const Dataset& states = get(run.record, "/attractors/states");
      const Dataset& fixed = get(run.record, "/attractors/fixed_point");
      std::set<std::uint64_t> found;
      for (std::size_t r = 0; r < fixed.i64.size(); ++r) {
        CHECK(fixed.i64[r] == 1);  // sequential async from every state ends at a fixed point
        found.insert(states.u64[r]);
      }
      INFO("P = " << p << ", seed = " << seed);
      CHECK(found == expected);
      CHECK(get(run.record, "/results/one_flip_stable").i64[0] ==
            static_cast<std::int64_t>(expected.size()));
      CHECK(get(run.record, "/results/starts").i64[0] == 65536);

      // Every stored pattern that is stable is found as `pattern`, its reverse as `reversed`.
      const Trial t = build_trial(run.prepared.models.front(), 0);
      const Dataset& cls = get(run.record, "/attractors/class");
      for (Eigen::Index mu = 0; mu < p; ++mu) {
        const std::uint64_t x = pack(t.patterns.pattern(mu))[0];
        if (p == 2) REQUIRE(expected.count(x) == 1);  // P = 2: always stable (ties kept)
        if (expected.count(x) == 0) continue;
        for (std::size_t r = 0; r < cls.i64.size(); ++r) {
          if (states.u64[r] == x) CHECK(cls.i64[r] == static_cast<int>(AttractorClass::pattern));
          if (states.u64[r] == (~x & 0xFFFFU))
            CHECK(cls.i64[r] == static_cast<int>(AttractorClass::reversed));
        }
        CHECK(found.count(~x & 0xFFFFU) == 1);
      }
    }
  }
}

TEST_CASE("exhaustive basins equal a plain simulation from every state",
          "[attractors][exhaustive][basins]") {
  const Run run = run_yaml(census_yaml(12, 3, 5, "exhaustive"));
  const auto m = raw_matrix(run);
  std::map<std::uint64_t, std::int64_t> basin;
  for (std::uint64_t x = 0; x < (1U << 12); ++x) ++basin[settle(m, x)];
  const Dataset& states = get(run.record, "/attractors/states");
  const Dataset& count = get(run.record, "/attractors/basin_count");
  const Dataset& fraction = get(run.record, "/attractors/basin_fraction");
  std::map<std::uint64_t, std::int64_t> got;
  double total = 0.0;
  for (std::size_t r = 0; r < count.i64.size(); ++r) {
    got[states.u64[r]] = count.i64[r];
    total += fraction.f64[r];
  }
  CHECK(got == basin);
  CHECK(total == Approx(1.0));
  CHECK(get(run.record, "/results/exact_basins").i64[0] == 1);
}

TEST_CASE("mirror links pair each attractor with its sign reverse at equal energy",
          "[attractors][mirror]") {
  const Run run = run_yaml(census_yaml(14, 3, 9, "exhaustive"));
  const Dataset& mirror = get(run.record, "/attractors/mirror");
  const Dataset& states = get(run.record, "/attractors/states");
  const Dataset& energy = get(run.record, "/attractors/energy");
  const Dataset& basin = get(run.record, "/attractors/basin_count");
  for (std::size_t r = 0; r < mirror.i64.size(); ++r) {
    REQUIRE(mirror.i64[r] >= 0);
    const auto q = static_cast<std::size_t>(mirror.i64[r]);
    CHECK(mirror.i64[q] == static_cast<std::int64_t>(r));
    CHECK(states.u64[q] == (~states.u64[r] & 0x3FFFU));
    CHECK(energy.f64[q] == energy.f64[r]);
    CHECK(basin.i64[q] == basin.i64[r]);  // sequential async commutes with s → −s
  }
}

TEST_CASE("exhaustive census gives the same table for 1 and 2 threads",
          "[attractors][exhaustive][threads]") {
  const std::string yaml = census_yaml(18, 3, 4, "exhaustive", "{type: sync}");
  const Run one = run_yaml(yaml, 1);
  const Run two = run_yaml(yaml, 2);
  CHECK(get(one.record, "/attractors/states").u64 == get(two.record, "/attractors/states").u64);
  CHECK(get(one.record, "/attractors/basin_count").i64 ==
        get(two.record, "/attractors/basin_count").i64);
  CHECK(get(one.record, "/attractors/mean_sweeps").f64 ==
        get(two.record, "/attractors/mean_sweeps").f64);
  CHECK(get(one.record, "/results/not_converged").i64 ==
        get(two.record, "/results/not_converged").i64);
}

TEST_CASE("sync exhaustive basins equal a plain synchronous simulation",
          "[attractors][exhaustive][sync]") {
  const Run run = run_yaml(census_yaml(10, 2, 3, "exhaustive", "{type: sync}"));
  const auto m = raw_matrix(run);
  const std::size_t n = m.size();
  std::map<std::uint64_t, std::int64_t> basin;
  std::int64_t cycles = 0;
  for (std::uint64_t x = 0; x < (1U << n); ++x) {
    std::uint64_t older = ~std::uint64_t{0};
    std::uint64_t s = x;
    for (int step = 0; step < 100; ++step) {
      std::uint64_t next = 0;
      for (std::size_t i = 0; i < n; ++i) {
        long h = 0;
        for (std::size_t j = 0; j < n; ++j) h += m[i][j] * spin(s, j);
        const bool on = h > 0 || (h == 0 && spin(s, i) > 0);
        if (on) next |= std::uint64_t{1} << i;
      }
      if (next == s) break;
      const bool cycle = next == older;
      older = s;
      s = next;
      if (cycle) {
        ++cycles;
        break;
      }
    }
    ++basin[s];
  }
  const Dataset& states = get(run.record, "/attractors/states");
  const Dataset& count = get(run.record, "/attractors/basin_count");
  std::map<std::uint64_t, std::int64_t> got;
  for (std::size_t r = 0; r < count.i64.size(); ++r) got[states.u64[r]] = count.i64[r];
  CHECK(got == basin);
  CHECK(get(run.record, "/results/not_converged").i64[0] == cycles);
}

TEST_CASE("random starts reproduce the exact basin shares by class within binomial error",
          "[attractors][random][statistical]") {
  // Same seed and trial: identical patterns and couplings (common random numbers). Five
  // standard errors per class: false-failure rate below 1e-5 for the seven classes.
  const Run exact = run_yaml(census_yaml(12, 3, 11, "exhaustive"));
  const int k = 20000;
  const Run sample = run_yaml(census_yaml(12, 3, 11, "random, count: 20000"));
  const Dataset& p = get(exact.record, "/attractors/by_class/basin_fraction");
  const Dataset& q = get(sample.record, "/attractors/by_class/basin_fraction");
  REQUIRE(p.f64.size() == q.f64.size());
  double pattern_share = 0.0;
  for (std::size_t c = 0; c < p.f64.size(); ++c) {
    const double se = std::sqrt(p.f64[c] * (1.0 - p.f64[c]) / k);
    INFO("class " << attractor_class_names()[c]);
    CHECK(std::abs(q.f64[c] - p.f64[c]) <= 5.0 * se + 1e-12);
    if (c < 2) pattern_share += p.f64[c];
  }
  CHECK(pattern_share > 0.0);
  CHECK(get(sample.record, "/results/one_flip_stable").i64[0] == -1);
}

TEST_CASE(
    "symmetric 3-mixtures of a Hebbian network with P = 3 are fixed points with overlaps "
    "1/2",
    "[attractors][mixtures][theory]") {
  // Amit, Gutfreund & Sompolinsky (1985): m = (1/2, 1/2, 1/2) for sign(ξ1 + ξ2 + ξ3). At finite
  // N each overlap is a mean of N terms ±1 (+1 with probability 3/4): standard deviation
  // sqrt(3/4 / N), 0.019 at N = 2000. Each overlap is checked within 5 standard deviations and
  // their mean (9 independent overlaps) within 0.05 (about 8 of its standard deviations).
  const int n = 2000;
  const Run run = run_yaml(census_yaml(n, 3, 21, "mixtures", "{type: async}", 3));
  const Dataset& cls = get(run.record, "/attractors/class");
  const Dataset& basin = get(run.record, "/attractors/basin_count");
  const Dataset& sweeps = get(run.record, "/attractors/mean_sweeps");
  const Dataset& ov = get(run.record, "/attractors/overlaps");
  REQUIRE(cls.i64.size() == 3 * 8);  // 8 sign patterns per trial, each its own fixed point
  const double sd = std::sqrt(0.75 / n);
  double sum = 0.0;
  for (std::size_t r = 0; r < cls.i64.size(); ++r) {
    CHECK(cls.i64[r] == static_cast<int>(AttractorClass::mixture_3));
    CHECK(basin.i64[r] == 1);
    CHECK(sweeps.f64[r] == 1.0);  // one quiet sweep: the start was already a fixed point
    for (std::size_t mu = 0; mu < 3; ++mu) {
      const double m = std::abs(ov.f64[3 * r + mu]);
      CHECK(std::abs(m - 0.5) < 5.0 * sd);
      sum += m;
    }
  }
  CHECK(std::abs(sum / (3.0 * static_cast<double>(cls.i64.size())) - 0.5) < 0.05);
}
