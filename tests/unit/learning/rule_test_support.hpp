// Shared helpers for the learning-rule tests: build a rule from YAML through the registry, draw
// random patterns, and count the stored patterns that are exact fixed points.
#pragma once

#include "../../../framework/src/patterns/random_patterns.hpp"
#include "hopfield/config/registry.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/learning/modules.hpp"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <string>

namespace hopfield::test {

inline std::unique_ptr<LearningRule> make_rule(const std::string& yaml) {
  config::Registry registry;
  registry.add_family<LearningRule>("learning", "learning rules");
  register_learning_modules(registry);
  config::Node node = io::load_yaml_text(yaml, "test.yaml");
  node.assign_paths("learning");
  registry.validate_module(node, "learning");
  return registry.family<LearningRule>("learning").make(node);
}

inline PatternSet pattern_set(const Eigen::MatrixXf& xi,
                              Representation r = Representation::bipolar) {
  PatternSet set;
  set.xi = xi.cast<std::int8_t>();
  set.representation = r;
  return set;
}

inline PatternSet random_set(Eigen::Index p, Eigen::Index n, std::uint64_t trial = 0,
                             Representation r = Representation::bipolar) {
  RandomStream rng(2024, Purpose::patterns, 0, trial, 0);
  return RandomPatterns::with_count(p).generate(PatternContext{n, r}, rng);
}

inline LearningResult learn(const LearningRule& rule, const PatternSet& set,
                            bool self_coupling = false, std::uint64_t trial = 0,
                            Precision precision = Precision::float64) {
  RandomStream rng(7, Purpose::learning, 0, trial, 0);
  return rule.learn(set, LearningContext{precision, self_coupling}, rng);
}

/// Fraction of the stored patterns that are strict fixed points of zero-temperature dynamics:
/// every neuron's field h_i = Σ_j w_ij ξ_j − θ points the way ξ_i does (h_i > 0 for on,
/// h_i < 0 for off), with no tie.
inline double fixed_fraction(const Couplings& w, const PatternSet& set, double threshold = 0.0) {
  const Eigen::MatrixXf states = set.xi.transpose().cast<float>();  // columns are patterns
  Eigen::MatrixXd g;
  w.raw_fields_batch(states, g);
  const Eigen::ArrayXXd h = w.scale() * g.array() - threshold;
  Eigen::ArrayXXd sign = states.cast<double>().array();
  if (set.representation == Representation::binary) sign = 2.0 * sign - 1.0;
  const Eigen::ArrayXXd aligned = h * sign;
  Eigen::Index fixed = 0;
  for (Eigen::Index mu = 0; mu < aligned.cols(); ++mu)
    if ((aligned.col(mu) > 0.0).all()) ++fixed;
  return static_cast<double>(fixed) / static_cast<double>(std::max<Eigen::Index>(set.count(), 1));
}

}  // namespace hopfield::test
