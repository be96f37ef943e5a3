// The standard per-probe measures of a recall run: overlap with the target pattern
// (Amit, Gutfreund & Sompolinsky 1985), the best overlap, Hamming distance, energy
// (Hopfield 1982, Eq. 7), sweeps, convergence, 2-cycles and success. None has parameters.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/measure/measure.hpp"

namespace hopfield {

/// `overlap`: m = (1/N) Σ_i ξ̂_i s_i with the probe's target; NaN when the probe has none.
class OverlapMeasure final : public Measure {
 public:
  [[nodiscard]] std::vector<MetricDef> metrics() const override;
  void compute(const ProbeOutcome& outcome, std::span<double> out) const override;
  static config::ModuleDoc doc();
};

/// `max_overlap`: max_μ m_μ and the (first) μ attaining it; NaN and −1 with no patterns.
class MaxOverlapMeasure final : public Measure {
 public:
  [[nodiscard]] std::vector<MetricDef> metrics() const override;
  void compute(const ProbeOutcome& outcome, std::span<double> out) const override;
  static config::ModuleDoc doc();
};

/// `hamming`: neurons where the final state differs from the target; −1 with no target.
class HammingMeasure final : public Measure {
 public:
  [[nodiscard]] std::vector<MetricDef> metrics() const override;
  void compute(const ProbeOutcome& outcome, std::span<double> out) const override;
  static config::ModuleDoc doc();
};

/// `energy`: E of the final state, as computed by the dynamics.
class EnergyMeasure final : public Measure {
 public:
  [[nodiscard]] std::vector<MetricDef> metrics() const override;
  void compute(const ProbeOutcome& outcome, std::span<double> out) const override;
  static config::ModuleDoc doc();
};

/// `energy_trace`: no scalar metric; asks the dynamics to record E after every sweep, and the
/// experiment writes the traces.
class EnergyTraceMeasure final : public Measure {
 public:
  [[nodiscard]] std::vector<MetricDef> metrics() const override { return {}; }
  void compute(const ProbeOutcome& /*outcome*/, std::span<double> /*out*/) const override {}
  [[nodiscard]] bool needs_energy_trace() const override { return true; }
  static config::ModuleDoc doc();
};

/// `sweeps`: sweeps (or synchronous steps) performed.
class SweepsMeasure final : public Measure {
 public:
  [[nodiscard]] std::vector<MetricDef> metrics() const override;
  void compute(const ProbeOutcome& outcome, std::span<double> out) const override;
  static config::ModuleDoc doc();
};

/// `converged`: 1 if a fixed point was reached, else 0.
class ConvergedMeasure final : public Measure {
 public:
  [[nodiscard]] std::vector<MetricDef> metrics() const override;
  void compute(const ProbeOutcome& outcome, std::span<double> out) const override;
  static config::ModuleDoc doc();
};

/// `cycle`: 1 if the synchronous dynamics ended in a 2-cycle, else 0.
class CycleMeasure final : public Measure {
 public:
  [[nodiscard]] std::vector<MetricDef> metrics() const override;
  void compute(const ProbeOutcome& outcome, std::span<double> out) const override;
  static config::ModuleDoc doc();
};

/// `success`: 1 if the overlap with the target is ≥ success_overlap, else 0; −1 with no target.
class SuccessMeasure final : public Measure {
 public:
  [[nodiscard]] std::vector<MetricDef> metrics() const override;
  void compute(const ProbeOutcome& outcome, std::span<double> out) const override;
  static config::ModuleDoc doc();
};

}  // namespace hopfield
