// The number of patterns P of a generated ensemble: `count` P, or `alpha` with P = round(alpha·N)
// (Amit, Gutfreund & Sompolinsky 1985: the load α = P/N). Shared by the random ensembles.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace hopfield {

class PatternCount {
 public:
  /// The `count` and `alpha` options (both optional; exactly one must be given).
  static std::vector<config::ParamSpec> specs();
  /// From a validated module mapping; a ConfigError unless exactly one of count / alpha is set.
  static PatternCount from_params(const config::Params& params);
  static PatternCount fixed(Eigen::Index count);
  /// round(alpha·N) patterns (alpha > 0); `where` and `path` locate the alpha option for the
  /// ConfigError raised when alpha·N rounds to 0.
  static PatternCount load(double alpha, Location where = {}, std::string path = "patterns.alpha");

  /// P for a network of n neurons; a ConfigError at the alpha option when it rounds to 0.
  [[nodiscard]] Eigen::Index resolve(Eigen::Index neurons) const;

 private:
  Eigen::Index count_ = 0;  ///< 0 when alpha is used
  double alpha_ = 0.0;
  Location where_;
  std::string path_;
};

}  // namespace hopfield
