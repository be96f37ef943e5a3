// The travelling salesman problem on a graded-response network (Hopfield & Tank 1985): neuron
// (X, i) says "city X is visited at position i"; the energy
//   E = A/2 Σ_X (R_X² − κ Σ_i V²_Xi) − Aρ Σ V + B/2 Σ_i (S_i² − κ Σ_X V²_Xi) − Bρ Σ V
//     + C/2 (Σ V − n)² + D/2 Σ_{X,Y,i} d_XY V_Xi (V_{Y,i+1} + V_{Y,i−1}),
// with row sums R and column sums S, is the 1985 penalty form for κ = 1, ρ = 0 (Eq. 5 there)
// and the squared-constraint form of Brandt, Wang, Laub & Mitra (1988) for κ = 0, ρ = 1, C = 0.
// The right-hand side is evaluated in its structured form: O(n³) per call, not O(n⁴).
#pragma once

#include "hopfield/optimisation/problem.hpp"

#include <Eigen/Core>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hopfield {

struct TspData {
  std::string name;
  std::vector<std::pair<double, double>> coordinates;  ///< empty for explicit matrices
  Eigen::MatrixXd distance;                            ///< symmetric, zero diagonal
};

/// Uniform random cities in the unit square with Euclidean distances.
TspData random_cities(Eigen::Index n, RandomStream& rng);
/// Euclidean distances of points.
Eigen::MatrixXd euclidean_distances(const std::vector<std::pair<double, double>>& points);

/// Length of a closed tour (city per position).
double tour_length(const Eigen::MatrixXd& d, const std::vector<std::int64_t>& tour);
/// Nearest-neighbour tours from every start, each improved by 2-opt to a local optimum
/// (Croes 1958); the best. Returns (length, tour).
std::pair<double, std::vector<std::int64_t>> nearest_neighbour_two_opt(const Eigen::MatrixXd& d);
/// Exact optimum by Held–Karp dynamic programming (1962), O(n² 2ⁿ); n ≤ 20.
std::pair<double, std::vector<std::int64_t>> held_karp(const Eigen::MatrixXd& d);
/// Exact optimum by enumerating the (n−1)!/2 tours (tests; n ≤ 10).
double brute_force_tour(const Eigen::MatrixXd& d);

struct TspPenalties {
  double a = 500.0;
  double b = 500.0;
  double c = 200.0;
  double d = 500.0;
  double n_target = 15.0;     ///< Hopfield–Tank's n (larger than the city count)
  double kappa = 1.0;         ///< 1: exclude the neuron itself from its row/column (1985)
  double rho = 0.0;           ///< target of each row/column sum in the squared form
  double perturbation = 0.1;  ///< δu uniform in ±perturbation/β (1985: ±0.1 u₀)
};

/// Dense couplings W (n² × n², index X + n·i) and bias I of the same energy (tests, Jacobian).
std::pair<Eigen::MatrixXd, Eigen::VectorXd> tsp_dense_encoding(const Eigen::MatrixXd& d,
                                                               const TspPenalties& p);

/// Decodes V (n² outputs) by V > ½: valid iff a permutation matrix; the violations are the rows
/// and columns without exactly one on neuron.
Solution decode_tour(const Eigen::MatrixXd& d, const Eigen::VectorXd& v);

/// The structured right-hand side (see ode_solver.hpp for the System concept).
class TspSystem {
 public:
  TspSystem(const Eigen::MatrixXd& d, const TspPenalties& p, ActivationKind kind, double tau);
  [[nodiscard]] Eigen::Index size() const { return n_ * n_; }
  [[nodiscard]] double tau() const { return tau_; }
  void rhs(const Eigen::VectorXd& u, Eigen::VectorXd& dudt, double beta);
  void jacobian(const Eigen::VectorXd& u, Eigen::MatrixXd& j, double beta);
  [[nodiscard]] double energy(const Eigen::VectorXd& v, double beta) const;

 private:
  Eigen::Index n_;
  Eigen::MatrixXd d_;
  TspPenalties p_;
  ActivationKind kind_;
  double tau_;
  Eigen::MatrixXd v_, nb_, dn_;  ///< scratch: outputs, neighbouring-column sums, d·nb
  Eigen::VectorXd row_, col_;    ///< scratch: A·(row sums), B·(column sums)
  Eigen::MatrixXd dense_w_;      ///< built on the first Jacobian (rosenbrock4 only)
};

class TspInstance final : public ProblemInstance {
 public:
  TspInstance(TspData data, TspPenalties penalties, Eigen::Index exact_max);
  [[nodiscard]] Eigen::Index neurons() const override;
  [[nodiscard]] ActivationKind activation() const override { return ActivationKind::logistic; }
  [[nodiscard]] Eigen::VectorXd initial(double beta, RandomStream& rng) const override;
  [[nodiscard]] ContinuousResult integrate(const Eigen::VectorXd& u0,
                                           const ContinuousOptions& options,
                                           RandomStream& rng) const override;
  [[nodiscard]] Solution decode(const Eigen::VectorXd& v) const override;
  [[nodiscard]] Baselines baselines() const override;
  [[nodiscard]] std::vector<std::pair<double, double>> points() const override {
    return data_.coordinates;
  }

 private:
  TspData data_;
  TspPenalties p_;
  Eigen::Index exact_max_;
};

class TspProblem final : public Problem {
 public:
  /// Either fixed data (a file) or `cities` random cities per trial.
  TspProblem(std::optional<TspData> data, Eigen::Index cities, TspPenalties p,
             Eigen::Index exact_max)
      : data_(std::move(data)), cities_(cities), p_(p), exact_max_(exact_max) {}
  [[nodiscard]] std::unique_ptr<ProblemInstance> instance(RandomStream& rng) const override;

 private:
  std::optional<TspData> data_;
  Eigen::Index cities_;
  TspPenalties p_;
  Eigen::Index exact_max_;
};

}  // namespace hopfield
