// The `basins` experiment: the basin radius of each stored pattern — the largest fraction of
// flipped bits from which the dynamics still return to it (Amit, Gutfreund & Sompolinsky 1985;
// Forrest 1988 measured it as the fraction of cues retrieved against the initial overlap). For
// every tested pattern and every flip fraction f of a grid, `cues` cues with exactly round(fN)
// flipped bits are run; the success probability P(m ≥ success_overlap) per fraction gives the
// radius, where it falls through `level`, interpolated between grid points.
#pragma once

#include "hopfield/experiments/experiment.hpp"

#include <memory>
#include <vector>

namespace hopfield {

struct BasinsOptions {
  std::vector<double> fractions;  ///< flip fractions, strictly increasing, in [0, 1]
  std::int64_t cues = 20;         ///< cues per (pattern, fraction)
  Eigen::Index probes = 0;        ///< patterns tested per trial (0: all)
  double success_overlap = 0.95;  ///< a cue is retrieved when its final overlap is ≥ this
  double level = 0.5;             ///< the radius is where the success probability falls below
};

/// The radius of one success curve p(x_k) on increasing flip fractions x_k: with k* the largest
/// k where p ≥ level, the linear interpolation between (x_k*, p_k*) and (x_k*+1, p_k*+1) at
/// `level`; x_last when p ≥ level at the last fraction (`censored`: the radius is at least
/// that), and 0 when p < level at every fraction.
struct Radius {
  double value = 0.0;
  bool censored = false;
};
Radius basin_radius(const std::vector<double>& x, const std::vector<double>& p, double level);

class BasinsExperiment final : public Experiment {
 public:
  /// flips: one probe-stage flip module per fraction (`fraction: f`, exactly round(fN) bits).
  BasinsExperiment(BasinsOptions options, std::vector<std::shared_ptr<const Noise>> flips)
      : options_(std::move(options)), flips_(std::move(flips)) {}
  [[nodiscard]] std::vector<Column> columns(const Model& model,
                                            const TaskContext& context) const override;
  [[nodiscard]] TaskResult run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                    const TaskContext& context) const override;
  void finish(const std::vector<const Model*>& points, Record& record) const override;
  [[nodiscard]] std::string summary(const Record& record) const override;

 private:
  BasinsOptions options_;
  std::vector<std::shared_ptr<const Noise>> flips_;
};

/// Adds `basins` to the "experiment" family.
void register_basins(config::Registry& registry);

}  // namespace hopfield
