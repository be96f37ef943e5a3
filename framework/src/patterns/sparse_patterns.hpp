// Sparse patterns with exact activity (Tsodyks & Feigel'man 1988, Europhys. Lett. 6, 101):
// every pattern has exactly k = round(aN) active neurons, chosen uniformly. Type `sparse`. The
// set carries the activity k/N, so overlaps use the normalised form of DESIGN.md §2 and the
// overlap of a pattern with itself is exactly 1.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/patterns/pattern_set.hpp"
#include "pattern_count.hpp"

#include <memory>

namespace hopfield {

class SparsePatterns final : public PatternSource {
 public:
  /// activity a ∈ (0, 1); k = round(aN) must satisfy 1 ≤ k ≤ N − 1 for the network at hand.
  SparsePatterns(PatternCount count, double activity, Location where = {});

  /// P; also checks that round(aN) leaves at least one neuron on and one off (ConfigError).
  [[nodiscard]] Eigen::Index count(Eigen::Index neurons) const override;
  /// Pattern μ's active set is k distinct indices from rng (partial Fisher–Yates), pattern by
  /// pattern, so the first P patterns do not depend on how many are drawn after them.
  [[nodiscard]] PatternSet generate(const PatternContext& context,
                                    RandomStream& rng) const override;
  /// k = round(a·N) for a network of n neurons.
  [[nodiscard]] Eigen::Index active(Eigen::Index neurons) const;

  static config::ModuleDoc doc();
  static std::unique_ptr<PatternSource> make(const config::Params& params);

 private:
  PatternCount count_;
  double activity_;
  Location where_;
};

}  // namespace hopfield
