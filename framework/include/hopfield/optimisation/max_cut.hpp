// Max-Cut on a graded-response network: with bipolar outputs v = tanh(βu) and W = −(edge
// weights), the energy −½ vᵀWv = ½ Σ w_ij v_i v_j falls as the cut Σ_{i<j} w_ij (1 − s_i s_j)/2
// grows (the Ising form of Max-Cut; cf. Hopfield & Tank 1985 for the encoding principle).
// Random G(n, p) graphs with unit weights or a weighted graph read from an edge list; greedy +
// one-flip local search and exhaustive search (n ≤ 20, Gray code) as baselines.
#pragma once

#include "hopfield/optimisation/problem.hpp"

#include <optional>

namespace hopfield {

/// G(n, p) adjacency with unit weights.
Eigen::MatrixXd random_graph(Eigen::Index n, double p, RandomStream& rng);
/// Cut weight of a ±1 assignment.
double cut_weight(const Eigen::MatrixXd& w, const std::vector<std::int64_t>& side);
/// Greedy placement then one-flip local search.
double greedy_cut(const Eigen::MatrixXd& w);
/// Exact maximum cut by Gray-code enumeration (n ≤ 24).
double exact_max_cut(const Eigen::MatrixXd& w);

class MaxCutInstance final : public ProblemInstance {
 public:
  MaxCutInstance(Eigen::MatrixXd w, double perturbation, Eigen::Index exact_max)
      : w_(std::move(w)), perturbation_(perturbation), exact_max_(exact_max) {}
  [[nodiscard]] Eigen::Index neurons() const override { return w_.rows(); }
  [[nodiscard]] ActivationKind activation() const override { return ActivationKind::tanh; }
  [[nodiscard]] Eigen::VectorXd initial(double beta, RandomStream& rng) const override;
  [[nodiscard]] ContinuousResult integrate(const Eigen::VectorXd& u0,
                                           const ContinuousOptions& options,
                                           RandomStream& rng) const override;
  [[nodiscard]] Solution decode(const Eigen::VectorXd& v) const override;
  [[nodiscard]] Baselines baselines() const override;

 private:
  Eigen::MatrixXd w_;
  double perturbation_;
  Eigen::Index exact_max_;
};

class MaxCutProblem final : public Problem {
 public:
  /// Either a fixed graph (an edge-list file) or a random G(n, p) graph per trial.
  MaxCutProblem(std::optional<Eigen::MatrixXd> graph, Eigen::Index n, double p, double perturbation,
                Eigen::Index exact_max)
      : graph_(std::move(graph)),
        n_(n),
        p_(p),
        perturbation_(perturbation),
        exact_max_(exact_max) {}
  [[nodiscard]] std::unique_ptr<ProblemInstance> instance(RandomStream& rng) const override;

 private:
  std::optional<Eigen::MatrixXd> graph_;
  Eigen::Index n_;
  double p_;
  double perturbation_;
  Eigen::Index exact_max_;
};

}  // namespace hopfield
