// Statistical tests of the biased, sparse and correlated ensembles (fixed seeds; each bound
// states its false-failure probability or its margin in standard deviations).
#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/measure/overlap.hpp"
#include "hopfield/patterns/modules.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

using namespace hopfield;

namespace {

std::unique_ptr<PatternSource> make(const std::string& yaml) {
  config::Registry registry;
  registry.add_family<PatternSource>("patterns", "pattern sources");
  register_pattern_modules(registry);
  config::Node node = io::load_yaml_text(yaml, "test.yaml");
  node.assign_paths("patterns");
  registry.validate_module(node, "patterns");
  return registry.family<PatternSource>("patterns").make(node);
}

PatternSet draw(const PatternSource& source, Eigen::Index n, Representation r,
                std::uint64_t trial = 0) {
  RandomStream rng(11, Purpose::patterns, 0, trial, 0);
  return source.generate(PatternContext{n, r}, rng);
}

/// Fraction of active (on) entries.
double mean_activity(const PatternSet& set) {
  return (set.xi.cast<float>().array() == on_value(set.representation)).cast<double>().mean();
}

/// (1/N) Σ_i ξ̂^μ_i ξ̂^ν_i on the bipolar images.
double pair_overlap(const PatternSet& set, Eigen::Index mu, Eigen::Index nu) {
  double sum = 0.0;
  for (Eigen::Index i = 0; i < set.neurons(); ++i) {
    sum += static_cast<double>(to_bipolar(set.xi(mu, i), set.representation) *
                               to_bipolar(set.xi(nu, i), set.representation));
  }
  return sum / static_cast<double>(set.neurons());
}

}  // namespace

TEST_CASE("biased patterns have activity a within a 5 sigma binomial bound", "[patterns][biased]") {
  // 100 × 1000 Bernoulli(0.2) entries: the mean has sd sqrt(0.2·0.8/1e5) = 0.00126, so a 5σ
  // bound (0.0063) fails by chance with probability 6e-7.
  for (const auto* yaml :
       {"{type: biased, activity: 0.2, count: 100}", "{type: biased, bias: -0.6, count: 100}"}) {
    const auto source = make(yaml);
    for (const auto r : {Representation::bipolar, Representation::binary}) {
      const PatternSet set = draw(*source, 1000, r);
      REQUIRE(set.count() == 100);
      CHECK(((set.xi.cast<float>().array() == on_value(r)) ||
             (set.xi.cast<float>().array() == off_value(r)))
                .all());
      CHECK(std::abs(mean_activity(set) - 0.2) < 5.0 * std::sqrt(0.2 * 0.8 / 1e5));
      CHECK(set.activity == Approx(0.2));
      CHECK(set.biased());
    }
  }
}

TEST_CASE("biased patterns need exactly one of bias and activity", "[patterns][biased]") {
  CHECK_THROWS_AS(make("{type: biased, count: 3}"), ConfigError);
  CHECK_THROWS_AS(make("{type: biased, count: 3, bias: 0.1, activity: 0.3}"), ConfigError);
  CHECK_THROWS_AS(make("{type: biased, count: 3, bias: 1.0}"), ConfigError);
  CHECK_THROWS_AS(make("{type: biased, count: 3, activity: 0}"), ConfigError);
  CHECK_THROWS_AS(make("{type: biased, activity: 0.3}"), ConfigError);
  CHECK(make("{type: biased, alpha: 0.05, activity: 0.3}")->count(200) == 10);
}

TEST_CASE("sparse patterns have exactly round(aN) active neurons each", "[patterns][sparse]") {
  const auto source = make("{type: sparse, activity: 0.1, count: 50}");
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    const PatternSet set = draw(*source, 997, r);
    REQUIRE(set.count() == 50);
    for (Eigen::Index mu = 0; mu < set.count(); ++mu) {
      CHECK((set.xi.row(mu).cast<float>().array() == on_value(r)).count() == 100);
    }
    CHECK(set.activity == Approx(100.0 / 997.0));
    // Different patterns are different subsets (two equal 100-subsets of 997 are impossible
    // in practice).
    CHECK((set.xi.row(0).array() != set.xi.row(1).array()).any());
  }
}

TEST_CASE("sparse patterns refuse an activity that leaves no neuron on", "[patterns][sparse]") {
  const auto source = make("{type: sparse, activity: 0.01, count: 5}");
  CHECK_THROWS_AS(source->count(20), ConfigError);
  CHECK(source->count(200) == 5);
}

TEST_CASE("hierarchically correlated patterns have the theoretical pairwise overlaps",
          "[patterns][correlated]") {
  // N = 4000: one pair overlap has sd sqrt((1 − c⁴)/N) ≤ 0.016, and an average over pairs has
  // no larger sd, so 0.05 is a > 3σ margin; the means over many pairs are much tighter.
  const double c = 0.6;
  const auto source = make("{type: correlated, ancestors: 2, correlation: 0.6, count: 20}");
  const PatternSet set = draw(*source, 4000, Representation::bipolar);
  REQUIRE(set.labels.size() == 20);
  double same = 0.0;
  double other = 0.0;
  int n_same = 0;
  int n_other = 0;
  for (Eigen::Index mu = 0; mu < set.count(); ++mu) {
    CHECK(set.labels[static_cast<std::size_t>(mu)] == mu % 2);
    for (Eigen::Index nu = mu + 1; nu < set.count(); ++nu) {
      const double m = pair_overlap(set, mu, nu);
      if (mu % 2 == nu % 2) {
        same += m;
        ++n_same;
      } else {
        other += m;
        ++n_other;
      }
    }
  }
  CHECK(std::abs(same / n_same - c * c) < 0.05);
  CHECK(std::abs(other / n_other) < 0.05);
  CHECK(std::isnan(set.activity));
}

TEST_CASE("template-correlated patterns overlap pairwise by m0 squared", "[patterns][correlated]") {
  const auto source = make("{type: correlated, mode: template, overlap: 0.5, count: 10}");
  const PatternSet set = draw(*source, 4000, Representation::binary);
  double sum = 0.0;
  int pairs = 0;
  for (Eigen::Index mu = 0; mu < set.count(); ++mu) {
    for (Eigen::Index nu = mu + 1; nu < set.count(); ++nu) {
      sum += pair_overlap(set, mu, nu);
      ++pairs;
    }
  }
  CHECK(std::abs(sum / pairs - 0.25) < 0.05);
  // Zero correlation gives independent patterns.
  const auto independent = make("{type: correlated, correlation: 0, ancestors: 1, count: 2}");
  const PatternSet ind = draw(*independent, 4000, Representation::bipolar);
  CHECK(std::abs(pair_overlap(ind, 0, 1)) < 5.0 / std::sqrt(4000.0));
}

TEST_CASE("correlated patterns check their mode's options", "[patterns][correlated]") {
  CHECK_THROWS_AS(make("{type: correlated, count: 3}"), ConfigError);
  CHECK_THROWS_AS(make("{type: correlated, count: 3, correlation: 0.5, overlap: 0.5}"),
                  ConfigError);
  CHECK_THROWS_AS(make("{type: correlated, mode: template, count: 3, overlap: 0.5, ancestors: 2}"),
                  ConfigError);
  CHECK_THROWS_AS(make("{type: correlated, mode: template, count: 3}"), ConfigError);
  CHECK_THROWS_AS(make("{type: correlated, count: 3, correlation: 1.5}"), ConfigError);
}

TEST_CASE("the normalised overlap of a sparse pattern with itself is exactly 1",
          "[patterns][measure][overlap]") {
  const auto source = make("{type: sparse, activity: 0.05, count: 4}");
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    const PatternSet set = draw(*source, 1000, r);
    for (Eigen::Index mu = 0; mu < set.count(); ++mu) {
      CHECK(overlap(set, mu, set.pattern(mu)) == Approx(1.0).epsilon(1e-12));
    }
    // Another pattern: E[m] = 0 with sd ≈ sqrt(1/(N a)) ≈ 0.14; 5σ bound.
    CHECK(std::abs(overlap(set, 0, set.pattern(1))) < 0.7);
    // The all-off state has overlap 0 with every pattern.
    const State off = State::Constant(1000, off_value(r));
    CHECK(overlaps(set, off).cwiseAbs().maxCoeff() < 1e-12);
  }
}

TEST_CASE("the normalised overlap of a biased pattern with itself is its activity over a",
          "[patterns][measure][overlap]") {
  const auto source = make("{type: biased, activity: 0.1, count: 3}");
  const PatternSet set = draw(*source, 2000, Representation::binary);
  for (Eigen::Index mu = 0; mu < set.count(); ++mu) {
    const double a_mu = set.xi.row(mu).cast<double>().mean();
    CHECK(overlap(set, mu, set.pattern(mu)) == Approx(a_mu / 0.1).epsilon(1e-12));
    // a_mu/a has sd sqrt((1−a)/(N a)) ≈ 0.067: within 5σ of 1.
    CHECK(std::abs(overlap(set, mu, set.pattern(mu)) - 1.0) < 0.34);
  }
}
