// Biased random patterns (Amit, Gutfreund & Sompolinsky 1987, Phys. Rev. A 35, 2293): every
// ξ_i^μ is on independently with probability a = (1+b)/2, i.e. P(ξ = +1) = (1+b)/2 in the ±1
// picture, or activity a in the 0/1 picture. Type `biased`. The set carries the activity a, so
// overlaps use the normalised form m = Σ_i (ξ_i − a) s_i / (N a(1−a)) (DESIGN.md §2).
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/patterns/pattern_set.hpp"
#include "pattern_count.hpp"

#include <memory>

namespace hopfield {

class BiasedPatterns final : public PatternSource {
 public:
  /// activity a ∈ (0, 1): the probability that a neuron is on.
  BiasedPatterns(PatternCount count, double activity);

  [[nodiscard]] Eigen::Index count(Eigen::Index neurons) const override {
    return count_.resolve(neurons);
  }
  /// One uniform draw per entry, row by row (ξ^1 first), so the first P patterns of a trial do
  /// not depend on how many more are drawn after them.
  [[nodiscard]] PatternSet generate(const PatternContext& context,
                                    RandomStream& rng) const override;
  [[nodiscard]] double activity() const { return activity_; }

  static config::ModuleDoc doc();
  /// Exactly one of bias / activity, exactly one of count / alpha.
  static std::unique_ptr<PatternSource> make(const config::Params& params);

 private:
  PatternCount count_;
  double activity_;
};

}  // namespace hopfield
