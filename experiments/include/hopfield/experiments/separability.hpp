// The `separability` experiment: can a neuron's row of couplings store the patterns at all?
// Neuron i of a network without self-coupling sees the other D = N − 1 neurons; it stores the
// P patterns as fixed points (with zero threshold) exactly when some row w ∈ R^D gives
// ξ_i^μ Σ_{j≠i} w_j ξ_j^μ > 0 for every μ, i.e. when the P points ξ^μ (without component i),
// labelled by ξ_i^μ, are linearly separable through the origin. Whether such a w exists is
// decided exactly by a linear program — feasibility of y_μ x^μ·w ≥ 1 for all μ (any strictly
// separating w can be rescaled to margin 1) — solved by GLPK's simplex; a separating w it
// finds is checked with rigorous rounding-error bounds (a proof of separability), and an
// infeasible answer is confirmed by GLPK's exact rational-arithmetic simplex (glp_exact), so
// the answer is a proof either way; a perceptron that has not converged proves nothing.
//
// For random labels and points in general position the probability is Cover's (1965)
// C(P, D)/2^P with C(P, D) = 2 Σ_{k<D} binom(P−1, k), ½ at P = 2D; its N → ∞ threshold
// α_c = P/N = 2 is Gardner's (1988) capacity at κ = 0. `inputs: gaussian` replaces the neuron's
// inputs by independent standard Gaussians rounded to multiples of 1/16 (in general position
// except with negligible probability: Cover's setting), keeping the patterns' bits as labels;
// `inputs: patterns` uses the configured ensemble (±1 patterns are not in general position, so
// Cover's formula is not exact for them; at D = 20 … 60 the measured difference is within the
// statistical errors, see docs/REPRODUCING.md).
#pragma once

#include "hopfield/experiments/experiment.hpp"

#include <Eigen/Core>

namespace hopfield {

struct SeparabilityOptions {
  Eigen::Index neurons = 0;  ///< neurons tested per trial (0: all), the first ones
  bool gaussian = false;     ///< inputs: standard Gaussians instead of the patterns' bits
  bool exact = true;         ///< confirm the floating-point simplex by glp_exact
};

/// The outcome of one feasibility test.
struct SeparabilityTest {
  bool separable = false;
  /// The floating-point simplex alone said the other thing (only when confirmed exactly).
  bool float_disagreed = false;
};

/// Is there a w with a.row(μ)·w ≥ 1 for every μ (a: P × D, row μ = y_μ x^μ)? Decided by GLPK's
/// primal simplex; when `exact`, a feasible answer is proven by checking the simplex's w
/// against rigorous floating-point error bounds (a·w > 0 for every row), and every other answer
/// is re-decided by glp_exact (rational arithmetic) from the simplex's final basis. An empty a
/// (P = 0) is separable. Thread-safe (one problem object per call; GLPK keeps its environment
/// per thread).
SeparabilityTest linearly_separable(const Eigen::MatrixXd& a, bool exact = true);

/// Cover's (1965) number of dichotomies of P points in general position in R^D that are
/// linearly separable through the origin, divided by 2^P: 2^{1−P} Σ_{k<D} binom(P−1, k)
/// (1 for P ≤ D).
double cover_probability(Eigen::Index p, Eigen::Index d);

class SeparabilityExperiment final : public Experiment {
 public:
  explicit SeparabilityExperiment(SeparabilityOptions options) : options_(options) {}
  [[nodiscard]] std::vector<Column> columns(const Model& model,
                                            const TaskContext& context) const override;
  [[nodiscard]] TaskResult run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                    const TaskContext& context) const override;
  [[nodiscard]] std::string summary(const Record& record) const override;

 private:
  SeparabilityOptions options_;
};

/// Adds `separability` to the "experiment" family.
void register_separability(config::Registry& registry);

}  // namespace hopfield
