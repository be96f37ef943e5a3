// Unbiased random patterns (Hopfield 1982; Amit, Gutfreund & Sompolinsky 1985): every ξ_i^μ is
// on or off with probability ½, independently. Type `random`; P = count, or round(alpha·N).
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/patterns/pattern_set.hpp"
#include "pattern_count.hpp"

#include <memory>
#include <string>

namespace hopfield {

class RandomPatterns final : public PatternSource {
 public:
  /// Exactly count patterns (count ≥ 1).
  static RandomPatterns with_count(Eigen::Index count);
  /// round(alpha·N) patterns (alpha > 0). `where` and `path` locate the alpha option, for the
  /// ConfigError raised when alpha·N rounds to 0 for the network at hand.
  static RandomPatterns with_alpha(double alpha, Location where = {},
                                   std::string path = "patterns.alpha");

  [[nodiscard]] Eigen::Index count(Eigen::Index neurons) const override;
  /// Bits are drawn 64 at a time from rng and used row by row (ξ^1 first), so the first P
  /// patterns of a trial do not depend on how many more are drawn after them.
  [[nodiscard]] PatternSet generate(const PatternContext& context,
                                    RandomStream& rng) const override;

  static config::ModuleDoc doc();
  /// From a validated `{type: random, ...}` mapping; exactly one of count / alpha.
  static std::unique_ptr<PatternSource> make(const config::Params& params);

 private:
  explicit RandomPatterns(PatternCount count) : count_(std::move(count)) {}
  PatternCount count_;
};

}  // namespace hopfield
