#include "storkey.hpp"

#include "rule_support.hpp"

namespace hopfield {

Eigen::MatrixXd StorkeyRule::matrix(const PatternSet& patterns, bool keep_diagonal) {
  const Eigen::MatrixXd x = bipolar_patterns(patterns);
  const Eigen::Index n = x.cols();
  const double inv_n = 1.0 / static_cast<double>(std::max<Eigen::Index>(n, 1));
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);  // zero diagonal throughout
  Eigen::VectorXd self = Eigen::VectorXd::Zero(n);
  Eigen::VectorXd h(n);
  for (Eigen::Index nu = 0; nu < x.rows(); ++nu) {
    const Eigen::VectorXd xi = x.row(nu).transpose();
    h.noalias() = w * xi;
    self.array() += inv_n * (1.0 - 2.0 * xi.array() * h.array());
    // The ±w_ij ξ_j² terms that h_ij and h_ji leave out of h add 2W/N.
    w *= 1.0 + 2.0 * inv_n;
    w.noalias() += inv_n * (xi * (xi - h).transpose());
    w.noalias() -= inv_n * (h * xi.transpose());
    w.diagonal().setZero();
  }
  // The update is symmetric in exact arithmetic; average away the rounding that is not.
  w = 0.5 * (w + w.transpose()).eval();
  if (keep_diagonal) w.diagonal() = self;
  return w;
}

LearningResult StorkeyRule::learn(const PatternSet& patterns, const LearningContext& context,
                                  RandomStream& /*rng*/) const {
  LearningResult result;
  result.couplings = make_dense_couplings(matrix(patterns, context.self_coupling), 1.0,
                                          /*integer_valued=*/false, context.precision);
  return result;
}

config::ModuleDoc StorkeyRule::doc() {
  return config::ModuleDoc{
      .family = "learning",
      .name = "storkey",
      .help = "Storkey's incremental local rule (Storkey 1997), capacity above Hebbian",
      .params = {},
      .notes =
          "Storkey 1997: for each pattern ν in turn, w_ij += (1/N)(ξ_i ξ_j − ξ_i h_ji − "
          "h_ij ξ_j) with the local fields h_ij = Σ_{k≠i,j} w_ik ξ_k of the couplings learned "
          "so far, starting from W = 0, on the patterns' bipolar images (2ξ − 1 for binary "
          "patterns). Implemented as one rank-two update per pattern, "
          "W ← (1 + 2/N) W + (1/N)(ξ(ξ − h)ᵀ − hξᵀ) with h = Wξ, O(N²) per pattern. W is "
          "symmetric with w_ii = 0; with `network.self_coupling` the rule's own diagonal "
          "(Σ_ν (1/N)(1 − 2ξ_i h_i)) is kept. The result depends on the order of the patterns. "
          "The capacity is about N/√(2 ln N) patterns against Hebbian's N/(2 ln N) (Storkey "
          "1997): e.g. at N = 500, α = 0.2 most patterns are fixed points where Hebbian "
          "learning keeps almost none. Couplings are real-valued, so ties use the dynamics' "
          "float tolerance.",
  };
}

std::unique_ptr<LearningRule> StorkeyRule::make(const config::Params& /*params*/) {
  return std::make_unique<StorkeyRule>();
}

}  // namespace hopfield
