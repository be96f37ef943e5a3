// Optimisation problems for graded-response networks (Hopfield & Tank 1985): a problem makes
// an instance per trial; an instance integrates its own network (the TSP in its structured
// O(n³) form), decodes the final outputs into a solution, checks validity and knows its
// baselines (a heuristic, and the exact optimum where affordable).
#pragma once

#include "hopfield/core/rng.hpp"
#include "hopfield/dynamics/continuous/ode_solver.hpp"

#include <Eigen/Core>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace hopfield {

struct Solution {
  bool valid = false;
  /// Tour length, cut weight, conflicts; NaN where the problem has none for an invalid state.
  double objective = std::numeric_limits<double>::quiet_NaN();
  /// Violated constraints of the decoded state; 0 exactly when it is valid.
  std::int64_t violations = 0;
  /// Tour (city per position), side per vertex, or queen column per row.
  std::vector<std::int64_t> assignment;
};

struct Baselines {
  double heuristic = std::numeric_limits<double>::quiet_NaN();
  double optimum = std::numeric_limits<double>::quiet_NaN();  ///< NaN where not computed
  bool minimise = true;
};

class ProblemInstance {
 public:
  virtual ~ProblemInstance() = default;
  [[nodiscard]] virtual Eigen::Index neurons() const = 0;
  /// The activation the encoding is written for (logistic: 0/1 outputs; tanh: ±1).
  [[nodiscard]] virtual ActivationKind activation() const = 0;
  /// u(0) for a run at gain beta (problem-specific, with a small random perturbation).
  [[nodiscard]] virtual Eigen::VectorXd initial(double beta, RandomStream& rng) const = 0;
  /// Integrates the instance's network with these options.
  [[nodiscard]] virtual ContinuousResult integrate(const Eigen::VectorXd& u0,
                                                   const ContinuousOptions& options,
                                                   RandomStream& rng) const = 0;
  [[nodiscard]] virtual Solution decode(const Eigen::VectorXd& v) const = 0;
  [[nodiscard]] virtual Baselines baselines() const = 0;
  /// Points to draw (cities) as rows of (x, y); empty where the problem has none.
  [[nodiscard]] virtual std::vector<std::pair<double, double>> points() const { return {}; }
};

class Problem {
 public:
  virtual ~Problem() = default;
  /// The instance of a trial; rng is keyed by (seed, patterns, 0, trial) so every sweep point
  /// sees the same instances (common random numbers).
  [[nodiscard]] virtual std::unique_ptr<ProblemInstance> instance(RandomStream& rng) const = 0;
};

}  // namespace hopfield
