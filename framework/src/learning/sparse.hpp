// Covariance rule for sparse binary patterns, Tsodyks & Feigel'man 1988 (Europhys. Lett. 6, 101):
//   W = (1/(N a(1−a))) Σ_μ (ξ^μ − a)(ξ^μ − a)ᵀ,  w_ii = 0,
// on 0/1 patterns of activity a. The normalisation makes the signal term of the field at a
// stored pattern ξ_i − a (1 − a for an active neuron, −a for a silent one), so the threshold
// θ = ½ − a of a binary network sits midway between them. Type `sparse`.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/learning/learning_rule.hpp"

#include <memory>
#include <optional>

namespace hopfield {

class SparseRule final : public LearningRule {
 public:
  /// activity: a, or nullopt to measure it from the patterns.
  explicit SparseRule(std::optional<double> activity = std::nullopt) : activity_(activity) {}

  /// Throws InputError when the measured activity is 0 or 1 (no pattern information).
  [[nodiscard]] LearningResult learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const override;

  /// The activity used for these patterns: the given one, or the mean of the 0/1 values.
  [[nodiscard]] double activity(const PatternSet& patterns) const;

  static config::ModuleDoc doc();
  static std::unique_ptr<LearningRule> make(const config::Params& params);

 private:
  std::optional<double> activity_;
};

}  // namespace hopfield
