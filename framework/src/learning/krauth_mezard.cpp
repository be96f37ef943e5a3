#include "krauth_mezard.hpp"

#include "rule_support.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace hopfield {

LearningResult KrauthMezardRule::learn(const PatternSet& patterns, const LearningContext& context,
                                       RandomStream& /*rng*/) const {
  const Eigen::MatrixXd x = bipolar_patterns(patterns);
  const Eigen::Index p = x.rows();
  const Eigen::Index n = x.cols();
  LearningResult result;
  Eigen::MatrixXd strengths = Eigen::MatrixXd::Zero(p, n);
  if (p > 0) {
    const Eigen::MatrixXd overlaps = x * x.transpose();  // integers, exact
    for (Eigen::Index i = 0; i < n; ++i) {
      NeuronEmbedding row(overlaps, x, i, 0.0);
      std::int64_t updates = 0;
      double delta = 0.0;
      for (;;) {
        const Eigen::Index mu = row.weakest(delta);
        if (delta > kappa_) break;
        if (updates == max_iterations_) {
          result.converged = false;
          break;
        }
        row.add(mu, 1.0);
        ++updates;
      }
      strengths.col(i) = row.strengths();
      result.iterations = std::max(
          result.iterations,
          static_cast<int>(std::min<std::int64_t>(updates, std::numeric_limits<int>::max())));
    }
  }
  Eigen::MatrixXd m = embedding_matrix(strengths, x);  // integer, w = m/N
  double scale = 1.0 / static_cast<double>(std::max<Eigen::Index>(n, 1));
  if (symmetrize_) {
    m = (m + m.transpose()).eval();  // still integer: w = (m + mᵀ)/(2N)
    scale *= 0.5;
  }
  result.min_stability = min_stability(m, x);
  // The rule defines no self-couplings; network.self_coupling leaves w_ii = 0.
  result.couplings = make_dense_couplings(m, scale, /*integer_valued=*/true, context.precision);
  return result;
}

config::ModuleDoc KrauthMezardRule::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "learning",
      .name = "krauth_mezard",
      .help = "minover: per-neuron learning to stability margin kappa (Krauth & Mézard 1987)",
      .params =
          {
              ParamSpec::real("kappa", "0.0",
                              "stability margin κ: learning stops when every normalised "
                              "stability Δ = ξ_i h_i/|w_i| exceeds κ; reachable for "
                              "α < α_c(κ) (α_c(0) = 2, α_c(0.5) ≈ 0.96, α_c(1) ≈ 0.52)")
                  .at_least(0.0),
              ParamSpec::integer("max_iterations", "10000",
                                 "cap on the number of updates per neuron; a neuron that hits "
                                 "it leaves learning_converged false")
                  .range(1, 1e12),
              ParamSpec::boolean("symmetrize", "false",
                                 "return (W + Wᵀ)/2 instead of the per-neuron rows; stabilities "
                                 "are then no longer guaranteed"),
          },
      .notes =
          "Krauth & Mézard 1987 (minover). Each neuron i learns its own row: starting from "
          "w_i = 0, repeatedly find the pattern μ of least stability and add (1/N) ξ_i^μ ξ_j^μ "
          "to w_ij (j ≠ i), until min_μ Δ_i^μ > κ, where Δ_i^μ = ξ_i^μ h_i^μ/|w_i| is the "
          "stability of Gardner 1988 (h_i^μ = Σ_j w_ij ξ_j^μ, |w_i| the Euclidean norm of row i; "
          "equivalently ξ_i Σ_j J_ij ξ_j/√N for the row rescaled to Σ_j J_ij² = N). Minover "
          "converges to the couplings of maximal stability, so a margin κ is reached whenever "
          "α = P/N is below the Gardner bound α_c(κ) = [∫_{−κ}^∞ Dt (t + κ)²]⁻¹ (Dt the "
          "Gaussian measure); near the bound the number of updates grows without limit and "
          "`max_iterations` stops it. Patterns enter as bipolar images; w_ii = 0 always.\n\n"
          "Results: `/results/learning_converged` is 1 only if every neuron reached the margin "
          "within `max_iterations` updates; the achieved minimum stability of the returned "
          "couplings and the largest number of updates of any neuron are reported by the "
          "rule. The couplings are integers over N (exact fields, exact ties).\n\n"
          "W is generally NOT symmetric (each row is learned on its own), so asynchronous "
          "dynamics have no energy function and need not reach a fixed point from an arbitrary "
          "start, although the stored patterns are fixed points. `symmetrize: true` returns "
          "(W + Wᵀ)/2, symmetric with an energy, at the price of the margin: the reported "
          "minimum stability is then that of the symmetrised couplings and may be below κ.",
  };
}

std::unique_ptr<LearningRule> KrauthMezardRule::make(const config::Params& params) {
  return std::make_unique<KrauthMezardRule>(params.real("kappa"), params.integer("max_iterations"),
                                            params.flag("symmetrize"));
}

}  // namespace hopfield
