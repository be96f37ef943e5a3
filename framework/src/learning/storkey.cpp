#include "storkey.hpp"

#include "rule_support.hpp"

#include <algorithm>
#include <cmath>

namespace hopfield {

Eigen::MatrixXd StorkeyRule::matrix(const PatternSet& patterns, bool keep_diagonal) {
  // The rank-two update W ← a·W + R_ν − diag(R_ν), a = 1 + 2/N, R_ν = (1/N)(ξ(ξ − h)ᵀ − hξᵀ),
  // h = W ξ, unrolls to W = Σ_ν a^{P−1−ν}(R_ν − diag R_ν). So W is never formed while the
  // patterns are presented: h_ν = W ξ_ν needs only the dot products of ξ_ν with the earlier ξ_μ
  // and h_μ (O(Nν)), and the diagonal terms, kept as one vector d (d ← a·d + diag R_ν). At the
  // end W = (1/N)[(Ξ − H)ᵀ C (Ξ − H) − Hᵀ C H] off the diagonal, C = diag(a^{P−1−ν}): two
  // symmetric rank-P updates, O(N²P) in a BLAS-3 product instead of P passes over W.
  const Eigen::MatrixXd x = bipolar_patterns(patterns).transpose();  // N × P, column ν = ξ_ν
  const Eigen::Index n = x.rows();
  const Eigen::Index p = x.cols();
  const double inv_n = 1.0 / static_cast<double>(std::max<Eigen::Index>(n, 1));
  const double a = 1.0 + 2.0 * inv_n;
  Eigen::MatrixXd h(n, p);                       // column ν = h_ν = W_{ν−1} ξ_ν
  Eigen::VectorXd d = Eigen::VectorXd::Zero(n);  // diagonal of Σ_μ a^{ν−1−μ} R_μ
  Eigen::VectorXd self = Eigen::VectorXd::Zero(n);
  Eigen::VectorXd c(p);  // c_μ = a^{ν−1−μ}/N for the current ν
  Eigen::VectorXd xx(p);
  Eigen::VectorXd hx(p);
  for (Eigen::Index nu = 0; nu < p; ++nu) {
    const auto xi = x.col(nu);
    auto hn = h.col(nu);
    if (nu == 0) {
      hn.setZero();
    } else {
      // c_μ = a^{ν−1−μ}/N, newest first.
      c[nu - 1] = inv_n;
      for (Eigen::Index mu = nu - 2; mu >= 0; --mu) c[mu] = a * c[mu + 1];
      xx.head(nu).noalias() = x.leftCols(nu).transpose() * xi;
      hx.head(nu).noalias() = h.leftCols(nu).transpose() * xi;
      const Eigen::VectorXd alpha =
          c.head(nu).cwiseProduct(xx.head(nu) - hx.head(nu));             // coefficient of ξ_μ
      const Eigen::VectorXd beta = c.head(nu).cwiseProduct(xx.head(nu));  // coefficient of h_μ
      hn.noalias() = x.leftCols(nu) * alpha;
      hn.noalias() -= h.leftCols(nu) * beta;
      hn -= d.cwiseProduct(xi);
    }
    const Eigen::VectorXd diag_r = inv_n * (1.0 - 2.0 * xi.array() * hn.array()).matrix();
    self += diag_r;
    d = a * d + diag_r;
  }
  Eigen::VectorXd weight(p);  // sqrt(a^{P−1−ν}/N)
  for (Eigen::Index nu = 0; nu < p; ++nu)
    weight[nu] = std::sqrt(std::pow(a, static_cast<double>(p - 1 - nu)) * inv_n);
  const Eigen::MatrixXd u = (x - h) * weight.asDiagonal();
  const Eigen::MatrixXd v = h * weight.asDiagonal();
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  w.selfadjointView<Eigen::Lower>().rankUpdate(u, 1.0);
  w.selfadjointView<Eigen::Lower>().rankUpdate(v, -1.0);
  mirror_lower(w);
  if (keep_diagonal) {
    w.diagonal() = self;
  } else {
    w.diagonal().setZero();
  }
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
          "patterns). Each pattern is the rank-two update W ← (1 + 2/N) W + (1/N)(ξ(ξ − h)ᵀ − "
          "hξᵀ) with h = Wξ; the updates are kept in factored form (the fields h cost O(NP) per "
          "pattern) and W is formed once at the end by two symmetric rank-P products, "
          "O(NP² + N²P) in BLAS-3 form. W is "
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
