#include "pseudo_inverse.hpp"

#include "hopfield/core/error.hpp"
#include "rule_support.hpp"

#include "hopfield/core/kernels.hpp"

#include <Eigen/Cholesky>

#include <algorithm>
#include <cmath>
#include <string>

namespace hopfield {

namespace {

/// A pivot of the LDLᵀ factorisation below this times the largest one means C is singular: the
/// overlaps are integers over N, so a rank-deficient C leaves pivots at rounding level (or exactly
/// 0, which Eigen's solve would silently treat as a pseudo-inverse), far below this.
constexpr double min_pivot_ratio = 1e-10;

[[noreturn]] void singular(Eigen::Index p, Eigen::Index n, const std::string& why) {
  throw InputError("pseudo_inverse: the " + std::to_string(p) + "×" + std::to_string(p) +
                   " overlap matrix C = ΞΞᵀ/N of " + std::to_string(p) + " patterns over " +
                   std::to_string(n) + " neurons is singular (" + why +
                   "), so the projection rule is undefined; store at most N linearly "
                   "independent patterns (no repeated or reversed pattern)");
}

}  // namespace

namespace {

/// The projector ΞᵀC⁻¹Ξ/N, diagonal included, in Scalar: C is factorised and Z = D^{−1/2}L⁻¹ΠΞ
/// formed in float64; the N × N product ZᵀZ/N, the bulk of the work and of the memory, is done
/// in Scalar (float32 for float32 couplings: half the memory traffic and twice the vector
/// width; its rounding, ~√P·2⁻²⁴ relative, stays far below the stability margin 1 − α).
template <class Scalar>
Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> projector_in(const PatternSet& patterns,
                                                                   int threads) {
  using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
  const Eigen::MatrixXd x = bipolar_patterns(patterns);
  const Eigen::Index p = x.rows();
  const Eigen::Index n = x.cols();
  if (p == 0) return Matrix::Zero(n, n);
  if (p > n) singular(p, n, "more patterns than neurons, P > N");
  const double inv_n = 1.0 / static_cast<double>(n);
  // C = ΞΞᵀ/N, lower triangle only (a symmetric rank-N update).
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(p, p);
  c.selfadjointView<Eigen::Lower>().rankUpdate(x, inv_n);
  const Eigen::LDLT<Eigen::MatrixXd, Eigen::Lower> ldlt(c);
  const Eigen::VectorXd pivots = ldlt.vectorD();
  if (ldlt.info() != Eigen::Success || pivots.minCoeff() <= min_pivot_ratio * pivots.maxCoeff())
    singular(p, n, "linearly dependent patterns");
  // C = Πᵀ L D Lᵀ Π, so W = Ξᵀ C⁻¹ Ξ / N = Zᵀ Z / N with Z = D^{−1/2} L⁻¹ Π Ξ (P × N): one
  // triangular solve and one symmetric product, O(P²N + N²P/2), no N × N inverse.
  // Π as an index map, applied column by column (contiguous in the column-major x).
  Eigen::VectorXi order = Eigen::VectorXi::LinSpaced(p, 0, static_cast<int>(p) - 1);
  order = ldlt.transpositionsP() * order;
  Eigen::MatrixXd z(p, n);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index k = 0; k < p; ++k) z(k, j) = x(order[k], j);
  ldlt.matrixL().solveInPlace(z);
  z = (pivots.cwiseSqrt().cwiseInverse() * std::sqrt(inv_n)).asDiagonal() * z;
  const Matrix zs = z.cast<Scalar>();
  // W's lower triangle in fixed column blocks (the partition, and so every rounding, does not
  // depend on the thread count), mirrored so that W is exactly symmetric.
  Matrix w(n, n);
  kernels::advise_huge_pages(w.data(), static_cast<std::size_t>(w.size()) * sizeof(Scalar));
  constexpr Eigen::Index block = 256;
  const Eigen::Index blocks = (n + block - 1) / block;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const Eigen::Index j0 = b * block;
    const Eigen::Index width = std::min(block, n - j0);
    w.block(j0, j0, n - j0, width).noalias() =
        zs.middleCols(j0, n - j0).transpose() * zs.middleCols(j0, width);
  }
  mirror_lower(w);
  return w;
}

}  // namespace

Eigen::MatrixXd PseudoInverseRule::projector(const PatternSet& patterns, int threads) {
  return projector_in<double>(patterns, threads);
}

LearningResult PseudoInverseRule::learn(const PatternSet& patterns, const LearningContext& context,
                                        RandomStream& /*rng*/) const {
  const bool clear_diagonal = zero_diagonal_ && !context.self_coupling;
  LearningResult result;
  if (context.precision == Precision::float32) {
    Eigen::MatrixXf w = projector_in<float>(patterns, context.threads);
    if (clear_diagonal) w.diagonal().setZero();
    result.couplings = make_dense_couplings(std::move(w), 1.0, /*integer_valued=*/false,
                                            /*symmetric=*/true, clear_diagonal);
    return result;
  }
  Eigen::MatrixXd w = projector_in<double>(patterns, context.threads);
  if (clear_diagonal) w.diagonal().setZero();
  result.couplings =
      make_dense_couplings(std::move(w), 1.0, /*integer_valued=*/false, Precision::float64);
  return result;
}

config::ModuleDoc PseudoInverseRule::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "learning",
      .name = "pseudo_inverse",
      .help =
          "projection (pseudo-inverse) rule W = Ξᵀ C⁻¹ Ξ / N (Personnaz et al. 1985, "
          "Kanter & Sompolinsky 1987)",
      .params =
          {
              ParamSpec::boolean("zero_diagonal", "true",
                                 "set w_ii = 0 (Kanter & Sompolinsky 1987); false keeps the "
                                 "projector's diagonal P_ii ≈ α (Personnaz et al. 1985)"),
          },
      .notes =
          "W = (1/N) Ξᵀ C⁻¹ Ξ with C = ΞΞᵀ/N, the P × P overlap matrix, on the patterns' "
          "bipolar images (Personnaz, Guyon & Dreyfus 1985; Kanter & Sompolinsky 1987). W is "
          "the orthogonal projector onto the span of the patterns, so Wξ^μ = ξ^μ: correlated "
          "patterns are stored as well as random ones. C is factorised (LDLᵀ, pivoted), and "
          "W = ZᵀZ/N with Z = D^{−1/2}L⁻¹ΠΞ: one triangular solve with P right-hand sides and "
          "one symmetric product; no N × N inverse is formed (O(P²N + N²P/2 + P³)). C must "
          "be invertible: "
          "P ≤ N and no pattern a linear combination of others (a repeated or reversed "
          "pattern makes it singular); otherwise learning fails with an error.\n\n"
          "`zero_diagonal: true` (default, Kanter–Sompolinsky) sets w_ii = 0. The field of "
          "neuron i at pattern μ is then (1 − P_ii) ξ_i^μ with P_ii ≈ α, so every pattern stays "
          "an exact fixed point for any P < N, and removing the diagonal gives the patterns "
          "basins of attraction at loads where, with the diagonal, they have almost none "
          "(Kanter & Sompolinsky: the basins shrink to zero near α = 0.5 with the diagonal). "
          "`zero_diagonal: false` keeps the projector's diagonal (Personnaz et al.); the "
          "self-couplings then also stabilise many spurious states. `network.self_coupling: "
          "true` keeps the diagonal as well. W is symmetric; couplings are real-valued, so "
          "ties use the dynamics' float tolerance.",
  };
}

std::unique_ptr<LearningRule> PseudoInverseRule::make(const config::Params& params) {
  return std::make_unique<PseudoInverseRule>(params.flag("zero_diagonal"));
}

}  // namespace hopfield
