// The measure interface: what is recorded about one probe's run. A measure declares the
// metrics it produces (one value each per probe) and computes them from the outcome.
#pragma once

#include "hopfield/core/network.hpp"
#include "hopfield/dynamics/dynamics.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <span>
#include <string>
#include <vector>

namespace hopfield {

struct MetricDef {
  std::string name;  ///< dataset name under /results
  bool integer = false;
  std::string description;
  std::string unit;
};

/// Everything a measure may look at after one probe has run.
struct ProbeOutcome {
  const Network& network;
  const PatternSet& patterns;
  Eigen::Index target;  ///< index of the pattern the probe should recall, −1 if none
  const State& cue;
  const DynamicsResult& result;
  double success_overlap;  ///< experiment.success_overlap
};

class Measure {
 public:
  virtual ~Measure() = default;
  [[nodiscard]] virtual std::vector<MetricDef> metrics() const = 0;
  /// Writes metrics().size() values into out.
  virtual void compute(const ProbeOutcome& outcome, std::span<double> out) const = 0;
  /// Whether the dynamics must record the energy after every sweep.
  [[nodiscard]] virtual bool needs_energy_trace() const { return false; }
};

}  // namespace hopfield
