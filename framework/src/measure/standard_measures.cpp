#include "standard_measures.hpp"

#include "hopfield/measure/overlap.hpp"

#include <limits>

namespace hopfield {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

config::ModuleDoc measure_doc(std::string name, std::string help, std::string notes) {
  return config::ModuleDoc{.family = "measure",
                           .name = std::move(name),
                           .help = std::move(help),
                           .params = {},
                           .notes = std::move(notes)};
}

bool has_target(const ProbeOutcome& o) {
  return o.target >= 0 && o.target < o.patterns.count();
}

double target_overlap(const ProbeOutcome& o) {
  return has_target(o) ? overlap(o.patterns, o.target, o.result.state) : nan;
}

double as_flag(bool b) {
  return b ? 1.0 : 0.0;
}

}  // namespace

std::vector<MetricDef> OverlapMeasure::metrics() const {
  return {{.name = "overlap",
           .integer = false,
           .description = "overlap m = (1/N) sum_i xi_i s_i of the final state with the "
                          "probe's target pattern (NaN when the probe has no target)",
           .unit = ""}};
}
void OverlapMeasure::compute(const ProbeOutcome& outcome, std::span<double> out) const {
  out[0] = target_overlap(outcome);
}
config::ModuleDoc OverlapMeasure::doc() {
  return measure_doc("overlap", "overlap of the final state with the probe's target pattern",
                     "m = (1/N) Σ_i ξ_i s_i on the bipolar images of the target pattern and the "
                     "final state (Amit, Gutfreund & Sompolinsky 1985); 1 is perfect recall, −1 "
                     "the reversed pattern. NaN for a probe without a target.");
}

std::vector<MetricDef> MaxOverlapMeasure::metrics() const {
  return {{.name = "max_overlap",
           .integer = false,
           .description = "largest overlap max_mu m_mu of the final state with any stored pattern",
           .unit = ""},
          {.name = "max_overlap_index",
           .integer = true,
           .description = "index mu of the stored pattern with the largest overlap (the first "
                          "one on ties; -1 with no patterns)",
           .unit = ""}};
}
void MaxOverlapMeasure::compute(const ProbeOutcome& outcome, std::span<double> out) const {
  if (outcome.patterns.count() == 0) {
    out[0] = nan;
    out[1] = -1.0;
    return;
  }
  const Eigen::VectorXd m = overlaps(outcome.patterns, outcome.result.state);
  Eigen::Index best = 0;
  for (Eigen::Index mu = 1; mu < m.size(); ++mu) {
    if (m(mu) > m(best)) {
      best = mu;
    }
  }
  out[0] = m(best);
  out[1] = static_cast<double>(best);
}
config::ModuleDoc MaxOverlapMeasure::doc() {
  return measure_doc("max_overlap",
                     "largest overlap of the final state with any stored pattern, and its index",
                     "Writes `max_overlap` = max_μ m_μ and `max_overlap_index` = the first μ "
                     "attaining it. A state near a reversed pattern (m = −1) is not counted as "
                     "recalled: the maximum is over signed overlaps.");
}

std::vector<MetricDef> HammingMeasure::metrics() const {
  return {{.name = "hamming",
           .integer = true,
           .description = "number of neurons where the final state differs from the target "
                          "pattern (-1 when the probe has no target)",
           .unit = ""}};
}
void HammingMeasure::compute(const ProbeOutcome& outcome, std::span<double> out) const {
  if (!has_target(outcome)) {
    out[0] = -1.0;
    return;
  }
  const auto d = hamming(outcome.result.state, outcome.patterns.pattern(outcome.target),
                         outcome.patterns.representation);
  out[0] = static_cast<double>(d);
}
config::ModuleDoc HammingMeasure::doc() {
  return measure_doc("hamming", "Hamming distance of the final state to the target pattern",
                     "Counts neurons whose bipolar images differ; equals N(1 − m)/2 for a state "
                     "of ±1 values. −1 for a probe without a target.");
}

std::vector<MetricDef> EnergyMeasure::metrics() const {
  return {{.name = "energy",
           .integer = false,
           .description = "energy E = -1/2 s^T W s + theta^T s - I^T s of the final state",
           .unit = ""}};
}
void EnergyMeasure::compute(const ProbeOutcome& outcome, std::span<double> out) const {
  out[0] = outcome.result.energy;
}
config::ModuleDoc EnergyMeasure::doc() {
  return measure_doc("energy", "energy of the final state",
                     "E = −½ sᵀWs + θᵀs − Iᵀs (Hopfield 1982, Eq. 7), with W normalised by N, "
                     "as computed by the dynamics at the end of the run.");
}

config::ModuleDoc EnergyTraceMeasure::doc() {
  return measure_doc("energy_trace", "energy after every sweep (written as a trace table)",
                     "Has no per-probe scalar: it asks the dynamics to record the energy of the "
                     "initial state and after every sweep, and the experiment writes these traces "
                     "as a long table with point, trial and probe columns.");
}

std::vector<MetricDef> SweepsMeasure::metrics() const {
  return {{.name = "sweeps",
           .integer = true,
           .description = "full sweeps (N updates each) or synchronous steps performed",
           .unit = "sweeps"}};
}
void SweepsMeasure::compute(const ProbeOutcome& outcome, std::span<double> out) const {
  out[0] = static_cast<double>(outcome.result.sweeps);
}
config::ModuleDoc SweepsMeasure::doc() {
  return measure_doc("sweeps", "number of sweeps the dynamics performed",
                     "Full sweeps of N updates (asynchronous) or synchronous steps, including the "
                     "final sweep that found no change.");
}

std::vector<MetricDef> ConvergedMeasure::metrics() const {
  return {{.name = "converged",
           .integer = true,
           .description = "1 if the dynamics reached a fixed point, else 0",
           .unit = ""}};
}
void ConvergedMeasure::compute(const ProbeOutcome& outcome, std::span<double> out) const {
  out[0] = as_flag(outcome.result.converged);
}
config::ModuleDoc ConvergedMeasure::doc() {
  return measure_doc("converged", "whether the dynamics reached a fixed point (1/0)",
                     "1 when a full sweep changed no neuron (an exact test), else 0.");
}

std::vector<MetricDef> CycleMeasure::metrics() const {
  return {{.name = "cycle",
           .integer = true,
           .description = "1 if the synchronous dynamics ended in a 2-cycle, else 0",
           .unit = ""}};
}
void CycleMeasure::compute(const ProbeOutcome& outcome, std::span<double> out) const {
  out[0] = as_flag(outcome.result.cycle);
}
config::ModuleDoc CycleMeasure::doc() {
  return measure_doc("cycle", "whether synchronous dynamics ended in a 2-cycle (1/0)",
                     "Synchronous dynamics with symmetric W end in a fixed point or a 2-cycle "
                     "(Goles 1985); 1 when the state returned to the one two steps before.");
}

std::vector<MetricDef> SuccessMeasure::metrics() const {
  return {{.name = "success",
           .integer = true,
           .description = "1 if the overlap with the target is at least "
                          "experiment.success_overlap, else 0 (-1 when the probe has no target)",
           .unit = ""}};
}
void SuccessMeasure::compute(const ProbeOutcome& outcome, std::span<double> out) const {
  if (!has_target(outcome)) {
    out[0] = -1.0;
    return;
  }
  out[0] = as_flag(target_overlap(outcome) >= outcome.success_overlap);
}
config::ModuleDoc SuccessMeasure::doc() {
  return measure_doc("success", "whether the probe recalled its target (1/0)",
                     "1 when the final overlap with the target pattern is at least "
                     "`experiment.success_overlap`, else 0; −1 for a probe without a target.");
}

}  // namespace hopfield
