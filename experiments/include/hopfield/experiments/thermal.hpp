// The `thermal` experiment: retrieval at finite temperature (Amit, Gutfreund & Sompolinsky
// 1985, 1987). Each probe starts at a stored pattern (or a noisy copy of it), runs a stochastic
// dynamics (glauber, metropolis) through its burn-in and measurement sweeps, and records the
// time-averaged overlap with the pattern, its batch-means standard error, the final overlap and
// the mean energy. With one pattern the overlap follows the Curie–Weiss curve m = tanh(m/T).
#pragma once

#include "hopfield/experiments/experiment.hpp"

#include <cstddef>

namespace hopfield {

struct ThermalSpec {
  enum class Start { pattern, cue };
  bool all_probes = true;
  Eigen::Index probe_count = 0;  ///< when !all_probes: the first probe_count patterns
  Start start = Start::pattern;
  std::size_t batches = 20;  ///< batches of the batch-means standard error
  double success_overlap = 0.95;
};

class ThermalExperiment final : public Experiment {
 public:
  explicit ThermalExperiment(ThermalSpec spec) : spec_(spec) {}
  [[nodiscard]] std::vector<Column> columns(const Model& model,
                                            const TaskContext& context) const override;
  [[nodiscard]] TaskResult run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                    const TaskContext& context) const override;
  [[nodiscard]] std::string summary(const Record& record) const override;

 private:
  ThermalSpec spec_;
};

/// Adds `thermal` to the "experiment" family.
void register_thermal(config::Registry& registry);

}  // namespace hopfield
