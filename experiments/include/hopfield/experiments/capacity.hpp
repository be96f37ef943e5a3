// The `capacity` experiment: how many patterns a network stores. For each (point, trial) it
// stores P = αN patterns and measures, per pattern, (a) whether it is an exact fixed point,
// (b) the fraction of its bits that one update would flip (the one-step error rate; Hebbian
// theory Φ(−1/√α), Amit 1989, §6.1), (c) retrieval by the dynamics started at the pattern and
// (d) from a noisy cue. After all tasks it estimates the critical load α_c — where the mean of
// a chosen metric falls through a level — with a bootstrap interval over trials. With
// `stability: true` it also records each neuron's stability min_μ ξ_i^μ h_i^μ/|w_i| (Gardner
// 1988), the quantity the Krauth–Mézard rule maximises.
#pragma once

#include "hopfield/experiments/experiment.hpp"

namespace hopfield {

struct CapacityOptions {
  Eigen::Index probes = 0;       ///< patterns tested per trial (0: all)
  double success_overlap = 0.9;  ///< retrieval counts as success when m ≥ this
  std::string estimate_metric = "success_from_pattern";
  double level = 0.5;
  int bootstrap = 1000;
  /// Record /results/stability: per neuron, min over the tested patterns of ξ_i h_i/|w_i|.
  bool stability = false;
};

class CapacityExperiment final : public Experiment {
 public:
  explicit CapacityExperiment(CapacityOptions options) : options_(std::move(options)) {}
  [[nodiscard]] std::vector<Column> columns(const Model& model,
                                            const TaskContext& context) const override;
  [[nodiscard]] TaskResult run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                    const TaskContext& context) const override;
  void finish(const std::vector<const Model*>& points, Record& record) const override;
  [[nodiscard]] std::string summary(const Record& record) const override;

 private:
  CapacityOptions options_;
};

/// The load where y(α) first falls through `level`, by linear interpolation between the two
/// bracketing points (α sorted ascending); NaN when it never does.
double crossing(const std::vector<double>& alpha, const std::vector<double>& y, double level);

/// crossing(), with a curve that does not fall through `level` inside the sweep placed beyond
/// the end it lies on: +∞ when every y ≥ level, −∞ when every y < level; NaN without data.
double crossing_or_bound(const std::vector<double>& alpha, const std::vector<double>& y,
                         double level);

/// The q-quantile (linear interpolation) of bootstrap estimates, NaN entries left out; NaN when
/// it falls on an infinite entry (the bound lies outside the sweep).
double bootstrap_percentile(std::vector<double> v, double q);

/// Adds `capacity` to the "experiment" family.
void register_capacity(config::Registry& registry);

}  // namespace hopfield
