// The n-queens problem on a graded-response network in the Hopfield & Tank (1985) penalty form
// (as in Mańdziuk 1995, Biol. Cybern. 72, 439): neuron (r, c), index r + n·c, says "a queen on
// row r, column c"; on 0/1 states the energy
//   E = A/2 Σ_r (R_r − 1)² + B/2 Σ_c (C_c − 1)² + C Σ_{pairs a<b on a diagonal} V_a V_b
// (row sums R, column sums S) is zero exactly at the solutions. With V² = V the squares lose their
// self-coupling: W_ab = −A[same row] − B[same column] − C[same diagonal] for a ≠ b, bias
// I = (A + B)/2, and −½VᵀWV − IᵀV = E − (A + B)n/2. Baseline: min-conflicts repair (Minton,
// Johnston, Philips & Laird 1992).
#pragma once

#include "hopfield/optimisation/problem.hpp"

namespace hopfield {

struct QueensPenalties {
  double a = 1.0;             ///< row constraint
  double b = 1.0;             ///< column constraint
  double c = 1.0;             ///< diagonal constraint
  double perturbation = 0.1;  ///< δu uniform in ±perturbation/β around V = 1/n
};

struct QueensEncoding {
  Eigen::MatrixXd w;  ///< n² × n², zero diagonal
  Eigen::VectorXd bias;
  double constant = 0.0;  ///< E = −½VᵀWV − biasᵀV + constant on 0/1 states
};

QueensEncoding n_queens_encoding(Eigen::Index n, const QueensPenalties& p);
/// The penalty energy E of a 0/1 board (n² entries, index r + n·c), term by term.
double n_queens_penalty(Eigen::Index n, const QueensPenalties& p, const Eigen::VectorXd& board);
/// Attacking pairs (same row, column or diagonal) among the queens at (row, column).
std::int64_t queen_conflicts(const std::vector<std::pair<Eigen::Index, Eigen::Index>>& queens);
/// Decodes V > ½ into queens: objective = attacking pairs, violations = attacking pairs plus
/// |queens − n|, valid iff none; assignment = the queen's column per row (−1 where none).
Solution decode_queens(Eigen::Index n, const Eigen::VectorXd& v);
/// Min-conflicts from a greedy start: one queen per column, moving a random conflicted queen to
/// the least-attacked row of its column (ties at random) for up to max_steps moves. Returns the
/// attacking pairs left (0: solved) and the row of each column's queen.
std::pair<std::int64_t, std::vector<std::int64_t>> min_conflicts(Eigen::Index n, RandomStream& rng,
                                                                 std::int64_t max_steps);

class QueensInstance final : public ProblemInstance {
 public:
  QueensInstance(Eigen::Index n, QueensPenalties p, RandomStream baseline_rng)
      : n_(n), p_(p), baseline_rng_(baseline_rng) {}
  [[nodiscard]] Eigen::Index neurons() const override { return n_ * n_; }
  [[nodiscard]] ActivationKind activation() const override { return ActivationKind::logistic; }
  [[nodiscard]] Eigen::VectorXd initial(double beta, RandomStream& rng) const override;
  [[nodiscard]] ContinuousResult integrate(const Eigen::VectorXd& u0,
                                           const ContinuousOptions& options,
                                           RandomStream& rng) const override;
  [[nodiscard]] Solution decode(const Eigen::VectorXd& v) const override;
  [[nodiscard]] Baselines baselines() const override;

 private:
  Eigen::Index n_;
  QueensPenalties p_;
  RandomStream baseline_rng_;
};

class QueensProblem final : public Problem {
 public:
  QueensProblem(Eigen::Index n, QueensPenalties p) : n_(n), p_(p) {}
  [[nodiscard]] std::unique_ptr<ProblemInstance> instance(RandomStream& rng) const override {
    return std::make_unique<QueensInstance>(n_, p_, rng);
  }

 private:
  Eigen::Index n_;
  QueensPenalties p_;
};

}  // namespace hopfield
