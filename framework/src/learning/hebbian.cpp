#include "hebbian.hpp"

#include "hopfield/core/matrix_free_couplings.hpp"

#include <algorithm>

namespace hopfield {

Eigen::MatrixXd hebbian_matrix(const PatternSet& patterns, bool keep_diagonal) {
  // Entries are ±1, so every partial sum is an integer far below 2^53: the product is exact
  // whatever order Eigen sums in.
  const Eigen::MatrixXd x = patterns.representation == Representation::bipolar
                                ? patterns.xi.cast<double>().eval()
                                : (2.0 * patterns.xi.cast<double>().array() - 1.0).matrix().eval();
  Eigen::MatrixXd m(x.cols(), x.cols());
  m.noalias() = x.transpose() * x;
  if (!keep_diagonal) {
    m.diagonal().setZero();
  }
  return m;
}

LearningResult HebbianRule::learn(const PatternSet& patterns, const LearningContext& context,
                                  RandomStream& /*rng*/) const {
  const auto divisor = scale_ == Scale::neurons ? patterns.neurons() : patterns.count();
  const double scale = 1.0 / static_cast<double>(std::max<Eigen::Index>(divisor, 1));
  LearningResult result;
  if (context.matrix_free) {
    const Eigen::MatrixXf x = patterns.representation == Representation::bipolar
                                  ? patterns.xi
                                  : (2.0F * patterns.xi.array() - 1.0F).matrix().eval();
    result.couplings =
        std::make_unique<MatrixFreeHebbianCouplings>(x, scale, context.self_coupling);
    return result;
  }
  result.couplings = make_dense_couplings(hebbian_matrix(patterns, context.self_coupling), scale,
                                          /*integer_valued=*/true, context.precision);
  return result;
}

config::ModuleDoc HebbianRule::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "learning",
      .name = "hebbian",
      .help = "Hebbian outer-product rule W = (1/N) sum_mu xi xi^T (Hopfield 1982)",
      .params =
          {
              ParamSpec::choice("scale", "neurons", {"neurons", "patterns"},
                                "divide the outer-product sum by N (neurons) or by P (patterns)"),
          },
      .notes =
          "W = (1/N) Σ_μ ξ^μ ξ^μᵀ with w_ii = 0 (kept only with `network.self_coupling`), "
          "Hopfield 1982 Eq. 2. Binary patterns enter as their bipolar images 2ξ − 1. The "
          "integer matrix M = Σ_μ ξ^μ ξ^μᵀ is stored with the scale 1/N, so raw fields M·s "
          "are exact integers and ties (h exactly θ) are detected exactly. `scale: patterns` "
          "divides by P instead of N, as a widely copied tutorial does; fields are then "
          "O(1/α) times larger, so a temperature or a threshold does not mean the same thing as "
          "with the default. With no patterns W = 0.",
  };
}

std::unique_ptr<LearningRule> HebbianRule::make(const config::Params& params) {
  const auto scale = params.text("scale") == "patterns" ? Scale::patterns : Scale::neurons;
  return std::make_unique<HebbianRule>(scale);
}

}  // namespace hopfield
