// Pieces shared by the learning rules beyond Hebb: the float64 bipolar images of the patterns,
// the normalised stabilities Δ_i^μ = ξ_i^μ h_i^μ / |w_i| (Gardner 1988: ξ_i Σ_j J_ij ξ_j / √N for a
// row rescaled to Σ_j J_ij² = N), and the per-neuron problem of the perceptron-type rules (Gardner
// 1988; Krauth & Mézard 1987) in embedding-strength form, where one update costs O(P) instead of
// O(N).
#pragma once

#include "hopfield/learning/learning_rule.hpp"

#include <Eigen/Core>

#include <cmath>

namespace hopfield {

/// Ξ̂: P × N in float64, the patterns' bipolar images (2ξ − 1 for binary patterns).
Eigen::MatrixXd bipolar_patterns(const PatternSet& patterns);

/// Δ (P × N): Δ_i^μ = ξ_i^μ (Wξ^μ)_i / |w_i|, with |w_i| the Euclidean norm of row i of W and
/// Ξ̂ the bipolar images; 0 for a neuron whose row is zero. Fields are the ones the network sees
/// (the diagonal included when W has one). Scale-free: Δ does not change when W is multiplied by
/// a positive number.
Eigen::MatrixXd stabilities(const Eigen::MatrixXd& w, const Eigen::MatrixXd& xi);

/// min over all neurons and patterns of stabilities(w, xi); NaN when there are no patterns.
double min_stability(const Eigen::MatrixXd& w, const Eigen::MatrixXd& xi);

/// The learning problem of neuron i with the row written as w_ij = (1/N) Σ_ν c_ν ξ_i^ν ξ_j^ν for
/// j ≠ i (embedding strengths c_ν). With the integer overlaps C = Ξ̂Ξ̂ᵀ and
/// k_νμ = ξ_i^ν ξ_i^μ C_νμ − 1 (the overlap without neuron i), the aligned fields are
/// ξ_i^μ h_i^μ = U_μ / N with U = k c, and |w_i|² = Q / N² with Q = cᵀ k c, so
/// Δ^μ = U_μ / √Q. Adding a to c_ν updates U and Q in O(P).
class NeuronEmbedding {
 public:
  /// overlaps: C (P × P); xi: Ξ̂ (P × N); c0: the initial strength of every pattern.
  NeuronEmbedding(const Eigen::MatrixXd& overlaps, const Eigen::MatrixXd& xi, Eigen::Index neuron,
                  double c0);

  /// c_ν += a.
  void add(Eigen::Index nu, double a);
  /// Δ^μ; 0 while the row is zero.
  [[nodiscard]] double stability(Eigen::Index mu) const {
    return q_ > 0.0 ? u_[mu] / std::sqrt(q_) : 0.0;
  }
  /// The pattern of least stability (the first one on ties) and its stability.
  [[nodiscard]] Eigen::Index weakest(double& delta) const;
  [[nodiscard]] const Eigen::VectorXd& strengths() const { return c_; }

 private:
  const Eigen::MatrixXd& overlaps_;
  Eigen::VectorXd sign_;  ///< ξ_i^ν
  Eigen::VectorXd c_;
  Eigen::VectorXd u_;
  double q_ = 0.0;
};

/// W (N × N) from per-neuron embedding strengths: strengths(ν, i) = c_ν of neuron i, so that
/// w_ij = (1/N)·M_ij with M_ij = Σ_ν strengths(ν, i) ξ_i^ν ξ_j^ν for j ≠ i and M_ii = 0. Returns M.
Eigen::MatrixXd embedding_matrix(const Eigen::MatrixXd& strengths, const Eigen::MatrixXd& xi);

/// True when every entry of m is a whole number (so the couplings can claim exact fields).
bool all_integer(const Eigen::MatrixXd& m);

/// xᵀx, exactly symmetric (one triangle is computed and mirrored; a general matrix product with
/// wide vectors rounds (i, j) and (j, i) differently).
Eigen::MatrixXd symmetric_gram(const Eigen::MatrixXd& x);

/// Copies the strictly lower triangle of a square matrix onto the upper one (exact symmetry).
void mirror_lower(Eigen::MatrixXd& m);
void mirror_lower(Eigen::MatrixXf& m);

}  // namespace hopfield
