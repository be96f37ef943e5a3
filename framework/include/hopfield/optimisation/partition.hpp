// Balanced graph bisection on a graded-response network (Fu & Anderson 1986; Hopfield & Tank
// 1985 for the penalty principle): one bipolar neuron per vertex, side sign(v_i), and the energy
//   E = Σ_{i<j} w_ij (1 − s_i s_j)/2 + (λ/2) (Σ_i s_i)²,
// the cut plus a balance penalty, written as couplings W = A/2 − λ(11ᵀ − I) (zero diagonal, no
// bias) with −½ sᵀWs = E − ¼ Σ_ij w_ij − λn/2 on every ±1 state. A decoded state is valid when
// the two sides differ by at most one vertex. Baselines: graph growing + Kernighan–Lin (1970)
// and, for n ≤ 20, the exact minimum bisection by Gray-code enumeration.
#pragma once

#include "hopfield/optimisation/problem.hpp"

#include <optional>

namespace hopfield {

/// Couplings W and the constant c with E(s) = −½ sᵀWs + c on ±1 states.
std::pair<Eigen::MatrixXd, double> partition_encoding(const Eigen::MatrixXd& w, double balance);
/// Cut weight plus balance penalty of a ±1 assignment (the encoded objective).
double partition_energy(const Eigen::MatrixXd& w, double balance,
                        const std::vector<std::int64_t>& side);
/// Decodes outputs by sign: valid iff ||A| − |B|| ≤ 1; violations = vertices to move.
Solution decode_bisection(const Eigen::MatrixXd& w, const Eigen::VectorXd& v);
/// Kernighan–Lin passes from a balanced ±1 assignment until no pass improves; the cut.
double kernighan_lin(const Eigen::MatrixXd& w, std::vector<std::int64_t>& side);
/// Greedy graph growing from several seed vertices, each refined by Kernighan–Lin; the best cut.
double greedy_kernighan_lin(const Eigen::MatrixXd& w);
/// Exact minimum balanced cut by Gray-code enumeration (n ≤ 24).
double exact_bisection(const Eigen::MatrixXd& w);

class PartitionInstance final : public ProblemInstance {
 public:
  PartitionInstance(Eigen::MatrixXd w, double balance, double perturbation, Eigen::Index exact_max)
      : w_(std::move(w)), balance_(balance), perturbation_(perturbation), exact_max_(exact_max) {}
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
  double balance_;
  double perturbation_;
  Eigen::Index exact_max_;
};

class PartitionProblem final : public Problem {
 public:
  /// Either a fixed graph (an edge-list file) or a random G(n, p) graph per trial.
  PartitionProblem(std::optional<Eigen::MatrixXd> graph, Eigen::Index n, double p, double balance,
                   double perturbation, Eigen::Index exact_max)
      : graph_(std::move(graph)),
        n_(n),
        p_(p),
        balance_(balance),
        perturbation_(perturbation),
        exact_max_(exact_max) {}
  [[nodiscard]] std::unique_ptr<ProblemInstance> instance(RandomStream& rng) const override;

 private:
  std::optional<Eigen::MatrixXd> graph_;
  Eigen::Index n_;
  double p_;
  double balance_;
  double perturbation_;
  Eigen::Index exact_max_;
};

}  // namespace hopfield
