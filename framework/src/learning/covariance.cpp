#include "covariance.hpp"

#include "rule_support.hpp"

#include <algorithm>

namespace hopfield {

Eigen::MatrixXd CovarianceRule::matrix(const PatternSet& patterns, bool keep_diagonal) const {
  const Eigen::MatrixXd x = patterns.xi.cast<double>();  // P × N, as given (0/1 or ±1)
  const Eigen::Index n = x.cols();
  Eigen::MatrixXd centred(x.rows(), n);
  if (x.rows() == 0) {
    centred.resize(0, n);
  } else if (rho_ == Rho::global) {
    centred = x.array() - x.mean();
  } else {
    const Eigen::RowVectorXd rho = x.colwise().mean();
    centred = x.rowwise() - rho;
  }
  Eigen::MatrixXd m = symmetric_gram(centred);
  if (!keep_diagonal) {
    m.diagonal().setZero();
  }
  return m;
}

LearningResult CovarianceRule::learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& /*rng*/) const {
  const auto divisor = scale_ == Scale::neurons ? patterns.neurons() : patterns.count();
  const double scale = 1.0 / static_cast<double>(std::max<Eigen::Index>(divisor, 1));
  LearningResult result;
  result.couplings = make_dense_couplings(matrix(patterns, context.self_coupling), scale,
                                          /*integer_valued=*/false, context.precision);
  return result;
}

config::ModuleDoc CovarianceRule::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "learning",
      .name = "covariance",
      .help = "mean-centred (covariance) rule W = (1/N) sum_mu (xi - rho)(xi - rho)^T",
      .params =
          {
              ParamSpec::choice("rho", "global", {"global", "per_neuron"},
                                "mean activity subtracted: one over all neurons and patterns "
                                "(global) or one per neuron (per_neuron)"),
              ParamSpec::choice("scale", "neurons", {"neurons", "patterns"},
                                "divide the sum by N (neurons) or by P (patterns)"),
          },
      .notes =
          "W = (1/N) Σ_μ (ξ^μ − ρ)(ξ^μ − ρ)ᵀ with w_ii = 0 (kept only with "
          "`network.self_coupling`), on the patterns in the network's representation (0/1 for a "
          "binary network, ±1 for a bipolar one). `rho: global` subtracts the mean activity "
          "ρ = (1/(PN)) Σ_μ Σ_i ξ_i^μ; `rho: per_neuron` subtracts ρ_i = (1/P) Σ_μ ξ_i^μ, so "
          "a neuron that never changes across the patterns gets no couplings. For unbiased ±1 "
          "patterns ρ ≈ 0 and the rule is close to `hebbian`. A widely copied tutorial computes "
          "`rho = mean(sum(d) for d in patterns)`, the mean of pattern *sums*, which is N times "
          "an activity and swamps W with a constant; this module implements the normalised "
          "rule and does not reproduce that. Couplings are real-valued (not integer), so ties "
          "use the dynamics' float tolerance.",
  };
}

std::unique_ptr<LearningRule> CovarianceRule::make(const config::Params& params) {
  const auto rho = params.text("rho") == "per_neuron" ? Rho::per_neuron : Rho::global;
  const auto scale = params.text("scale") == "patterns" ? Scale::patterns : Scale::neurons;
  return std::make_unique<CovarianceRule>(rho, scale);
}

}  // namespace hopfield
