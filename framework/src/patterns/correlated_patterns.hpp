// Correlated patterns. Hierarchical (Parga & Virasoro 1986; Gutfreund 1988, Phys. Rev. A 37,
// 570): K random ancestors ζ^k; pattern μ descends from ancestor μ mod K, and each of its bits
// equals the ancestor's with probability (1+c)/2, independently, so ⟨ξ^μ ζ^k⟩ = c and two
// descendants of one ancestor have ⟨ξ^μ ξ^ν⟩ = c² (0 across ancestors). Template mode: every
// pattern shares one random template with overlap m0 (the same construction with K = 1), so
// ⟨ξ^μ ξ^ν⟩ = m0². Type `correlated`; entries are unbiased, ancestors are not stored.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/patterns/pattern_set.hpp"
#include "pattern_count.hpp"

#include <memory>

namespace hopfield {

class CorrelatedPatterns final : public PatternSource {
 public:
  /// ancestors K ≥ 1; correlation c ∈ [0, 1] (the overlap of a descendant with its ancestor).
  CorrelatedPatterns(PatternCount count, Eigen::Index ancestors, double correlation);

  [[nodiscard]] Eigen::Index count(Eigen::Index neurons) const override {
    return count_.resolve(neurons);
  }
  /// The K ancestors are drawn first (bits 64 at a time), then every pattern in order; labels
  /// hold each pattern's ancestor μ mod K.
  [[nodiscard]] PatternSet generate(const PatternContext& context,
                                    RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<PatternSource> make(const config::Params& params);

 private:
  PatternCount count_;
  Eigen::Index ancestors_;
  double correlation_;
};

}  // namespace hopfield
