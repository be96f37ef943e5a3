#include "perceptron.hpp"

#include "rule_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace hopfield {

LearningResult PerceptronRule::learn_rows(const Eigen::MatrixXd& x, const LearningContext& context,
                                          RandomStream& rng) const {
  const Eigen::Index p = x.rows();
  const Eigen::Index n = x.cols();
  LearningResult result;
  const double c0 = options_.hebbian_start ? 1.0 : 0.0;
  Eigen::MatrixXd strengths = Eigen::MatrixXd::Constant(p, n, c0);
  const Eigen::MatrixXd overlaps = x * x.transpose();
  std::vector<std::int32_t> order(static_cast<std::size_t>(p));
  for (Eigen::Index i = 0; i < n; ++i) {
    NeuronEmbedding row(overlaps, x, i, c0);
    std::int64_t epochs = 0;
    bool quiet = false;
    while (!quiet && epochs < options_.max_epochs) {
      rng.permutation(order);
      quiet = true;
      for (const auto mu : order) {
        if (row.stability(mu) <= options_.kappa) {
          row.add(mu, options_.learning_rate);
          quiet = false;
        }
      }
      ++epochs;
    }
    if (!quiet) result.converged = false;
    strengths.col(i) = row.strengths();
    result.iterations = std::max(result.iterations, static_cast<int>(epochs));
  }
  const Eigen::MatrixXd m = embedding_matrix(strengths, x);
  result.min_stability = min_stability(m, x);
  // Whole-number strengths (zero start, integer η) give integer couplings over N: exact fields.
  const bool integer = all_integer(m);
  result.couplings =
      make_dense_couplings(m, 1.0 / static_cast<double>(n), integer, context.precision);
  return result;
}

LearningResult PerceptronRule::learn_symmetric(const Eigen::MatrixXd& x,
                                               const LearningContext& context,
                                               RandomStream& rng) const {
  const Eigen::Index p = x.rows();
  const Eigen::Index n = x.cols();
  const double inv_n = 1.0 / static_cast<double>(n);
  LearningResult result;
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  if (options_.hebbian_start) {
    w.noalias() = inv_n * (x.transpose() * x);
    w.diagonal().setZero();
  }
  Eigen::VectorXd norm = w.rowwise().norm();
  Eigen::VectorXd h(n);
  Eigen::VectorXd d(n);
  std::vector<std::int32_t> order(static_cast<std::size_t>(p));
  bool quiet = false;
  std::int64_t epochs = 0;
  while (!quiet && epochs < options_.max_epochs) {
    rng.permutation(order);
    quiet = true;
    for (const auto mu : order) {
      const Eigen::VectorXd xi = x.row(mu).transpose();
      h.noalias() = w * xi;
      // d_i = ξ_i ε_i: the neurons whose stability is at most κ.
      bool any = false;
      for (Eigen::Index i = 0; i < n; ++i) {
        const double delta = norm[i] > 0.0 ? xi[i] * h[i] / norm[i] : 0.0;
        const bool weak = delta <= options_.kappa;
        d[i] = weak ? xi[i] : 0.0;
        any = any || weak;
      }
      if (!any) continue;
      quiet = false;
      const double step = 0.5 * options_.learning_rate * inv_n;
      w.noalias() += step * (d * xi.transpose());
      w.noalias() += step * (xi * d.transpose());
      w.diagonal().setZero();
      norm = w.rowwise().norm();
    }
    ++epochs;
  }
  // The two halves of each update round differently; keep W exactly symmetric.
  w = 0.5 * (w + w.transpose()).eval();
  result.converged = quiet;
  result.iterations = static_cast<int>(epochs);
  result.min_stability = min_stability(w, x);
  result.couplings = make_dense_couplings(w, 1.0, /*integer_valued=*/false, context.precision);
  return result;
}

LearningResult PerceptronRule::learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const {
  const Eigen::MatrixXd x = bipolar_patterns(patterns);
  if (x.rows() == 0) {
    LearningResult result;
    result.couplings = make_dense_couplings(Eigen::MatrixXd::Zero(x.cols(), x.cols()), 1.0,
                                            /*integer_valued=*/true, context.precision);
    return result;
  }
  return options_.symmetric ? learn_symmetric(x, context, rng) : learn_rows(x, context, rng);
}

config::ModuleDoc PerceptronRule::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "learning",
      .name = "perceptron",
      .help =
          "perceptron learning with stability margin kappa, per neuron or symmetric "
          "(Gardner 1988)",
      .params =
          {
              ParamSpec::real("kappa", "0.0",
                              "stability margin κ: a pattern is learned again while its "
                              "normalised stability Δ = ξ_i h_i/|w_i| is at most κ; "
                              "reachable for α < α_c(κ) (α_c(0) = 2, α_c(0.5) ≈ 0.96)")
                  .at_least(0.0),
              ParamSpec::real("learning_rate", "1.0",
                              "step η: each update adds (η/N) ξ_i ξ_j; from a zero start the "
                              "result only scales with η, so it matters with `start: hebbian`")
                  .above(0.0),
              ParamSpec::integer("max_epochs", "1000",
                                 "cap on the passes over the patterns (in random order); "
                                 "hitting it leaves learning_converged false")
                  .range(1, 1e9),
              ParamSpec::boolean("symmetric", "false",
                                 "false: each neuron learns its own row (W not symmetric); "
                                 "true: symmetric updates of w_ij and w_ji together"),
              ParamSpec::choice("start", "zero", {"zero", "hebbian"},
                                "initial couplings: W = 0 or the Hebbian W = (1/N) Σ ξξᵀ"),
          },
      .notes =
          "Gardner 1988: present the patterns in epochs (a fresh random order each epoch, "
          "from the learning stream); whenever neuron i at pattern μ has normalised stability "
          "Δ_i^μ = ξ_i^μ h_i^μ/|w_i| ≤ κ (|w_i| the norm of row i), add (η/N) ξ_i^μ ξ_j^μ to w_ij "
          "(j ≠ i). Learning "
          "stops after an epoch with no update (then every Δ_i^μ > κ) or after `max_epochs`. "
          "By the perceptron convergence theorem it stops whenever a solution exists, i.e. "
          "for α below the Gardner bound α_c(κ) = [∫_{−κ}^∞ Dt (t + κ)²]⁻¹, but the number of "
          "epochs grows without limit as α approaches it. Patterns enter as bipolar images; "
          "w_ii = 0 always.\n\n"
          "`symmetric: false` (default): each row is learned on its own, so W is generally "
          "NOT symmetric: asynchronous dynamics then have no energy function and need not "
          "reach a fixed point from an arbitrary start, although the stored patterns are "
          "fixed points. `symmetric: true`: at pattern μ, w_ij += (η/2N) ξ_i ξ_j (ε_i + ε_j) "
          "with ε_i = 1 for the neurons with Δ_i^μ ≤ κ, which keeps W symmetric (O(N²) per "
          "update instead of O(P)).\n\n"
          "Results: `/results/learning_converged` is 1 only if learning stopped on a quiet "
          "epoch (for every neuron); the rule also reports the minimum stability of the "
          "returned couplings and the number of epochs. With an integer η the couplings are "
          "integers over N (exact fields and ties).",
  };
}

std::unique_ptr<LearningRule> PerceptronRule::make(const config::Params& params) {
  Options o;
  o.kappa = params.real("kappa");
  o.learning_rate = params.real("learning_rate");
  o.max_epochs = params.integer("max_epochs");
  o.symmetric = params.flag("symmetric");
  o.hebbian_start = params.text("start") == "hebbian";
  return std::make_unique<PerceptronRule>(o);
}

}  // namespace hopfield
