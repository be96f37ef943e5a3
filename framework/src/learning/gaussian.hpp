// Sherrington–Kirkpatrick couplings (Sherrington & Kirkpatrick 1975, Phys. Rev. Lett. 35, 1792):
// J_ij = J_ji ~ N(0, 1/N) independently for i < j, J_ii = 0, independent of the patterns. A
// spin-glass reference for comparisons with learned couplings and for counting metastable states.
// Type `gaussian`.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/learning/learning_rule.hpp"

#include <memory>

namespace hopfield {

class GaussianRule final : public LearningRule {
 public:
  /// Ignores the patterns except for N; draws J from rng (upper triangle, row by row).
  [[nodiscard]] LearningResult learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<LearningRule> make(const config::Params& params);
};

}  // namespace hopfield
