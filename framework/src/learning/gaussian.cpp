#include "gaussian.hpp"

#include <cmath>

namespace hopfield {

LearningResult GaussianRule::learn(const PatternSet& patterns, const LearningContext& context,
                                   RandomStream& rng) const {
  const Eigen::Index n = patterns.neurons();
  const double sigma = 1.0 / std::sqrt(static_cast<double>(std::max<Eigen::Index>(n, 1)));
  Eigen::MatrixXd j = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index row = 0; row < n; ++row) {
    for (Eigen::Index col = row + 1; col < n; ++col) {
      const double v = sigma * rng.normal();
      j(row, col) = v;
      j(col, row) = v;
    }
  }
  LearningResult result;
  result.couplings = make_dense_couplings(j, 1.0, /*integer_valued=*/false, context.precision);
  return result;
}

config::ModuleDoc GaussianRule::doc() {
  return config::ModuleDoc{
      .family = "learning",
      .name = "gaussian",
      .help =
          "Sherrington–Kirkpatrick spin glass: J_ij = J_ji ~ N(0, 1/N), independent of the "
          "patterns",
      .params = {},
      .notes =
          "Sherrington & Kirkpatrick 1975: for i < j, J_ij is drawn from a normal "
          "distribution of mean 0 and variance 1/N, J_ji = J_ij, and J_ii = 0 (also with "
          "`network.self_coupling`). The couplings do not depend on the patterns: the patterns "
          "are still generated (so overlaps and the other measures work) but are not stored, "
          "and their overlaps after relaxation are those of unrelated states. Fields are O(1), "
          "as for every rule (the SK model at temperature T has its spin-glass transition at "
          "T = 1). Draws come from the learning stream, so each trial has fresh couplings and "
          "every sweep point of a trial the same ones.",
  };
}

std::unique_ptr<LearningRule> GaussianRule::make(const config::Params& /*params*/) {
  return std::make_unique<GaussianRule>();
}

}  // namespace hopfield
