// Hebbian unlearning ("dreaming"), Hopfield, Feinstein & Palmer 1983 (Nature 304, 158): start
// from the Hebbian couplings, then `dreams` times relax a random state with zero-temperature
// asynchronous dynamics to a fixed point s* and weaken it,
//   W ← W − (ε/N) s* s*ᵀ,  w_ii = 0.
// Spurious attractors have the largest basins among the states unlearning visits, so they are
// removed preferentially and the stored patterns become more stable (van Hemmen et al. 1990;
// Benedetti et al. 2022). Type `unlearning`.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/learning/learning_rule.hpp"

#include <cstdint>
#include <memory>

namespace hopfield {

class UnlearningRule final : public LearningRule {
 public:
  UnlearningRule(double epsilon, std::int64_t dreams, int max_sweeps)
      : epsilon_(epsilon), dreams_(dreams), max_sweeps_(max_sweeps) {}

  /// Random starts and update orders come from rng. converged: every dream reached a fixed
  /// point within max_sweeps; iterations: dreams; min_stability: of the returned couplings.
  [[nodiscard]] LearningResult learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<LearningRule> make(const config::Params& params);

 private:
  double epsilon_;
  std::int64_t dreams_;
  int max_sweeps_;
};

}  // namespace hopfield
