// Assembly of a trial from a validated configuration (DESIGN.md §3): one builder turns the
// option tree into modules once, and each trial into patterns → learning → weight noise →
// couplings, with cues made by the probe-stage noise. Experiments only say what they vary and
// what they record; none of them reaches back into the config.
#pragma once

#include "hopfield/config/node.hpp"
#include "hopfield/config/registry.hpp"
#include "hopfield/core/network.hpp"
#include "hopfield/dynamics/dynamics.hpp"
#include "hopfield/learning/learning_rule.hpp"
#include "hopfield/measure/measure.hpp"
#include "hopfield/noise/noise.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hopfield {

/// The `network:` section.
struct NetworkSpec {
  Eigen::Index neurons = 0;
  Representation representation = Representation::bipolar;
  std::vector<double> threshold{0.0};  ///< one value (all neurons) or one per neuron
  std::vector<double> bias{0.0};       ///< external input I, one value or one per neuron
  bool self_coupling = false;
  std::string storage = "auto";  ///< as configured (auto, dense, integer, matrix_free, sparse)
  Precision precision = Precision::float32;
  StorageKind resolved_storage = StorageKind::dense;  ///< what `storage` resolved to
  std::string storage_reason;                         ///< why (for the log line)
  double storage_bytes = 0.0;                         ///< the memory estimate it was checked with
};

/// The modules of one sweep point, built once and shared (read-only) by all its trials.
struct Model {
  std::uint64_t seed = 0;
  std::uint64_t point = 0;
  NetworkSpec network;
  std::unique_ptr<PatternSource> patterns;
  std::unique_ptr<LearningRule> learning;
  std::vector<std::unique_ptr<Noise>> noise;
  std::unique_ptr<Dynamics> dynamics;
  std::vector<std::unique_ptr<Measure>> measures;
  std::vector<std::string> measure_names;
};

/// One trial's patterns and network.
struct Trial {
  std::uint64_t index = 0;
  PatternSet patterns;
  Network network;
  bool learning_converged = true;
  double min_stability = 0.0;
};

/// The schema of the top-level document (experiment, seed, network, patterns, …).
std::vector<config::ParamSpec> top_level_schema();
/// Validates a whole configuration in place: strict keys, types, bounds, registered types,
/// defaults filled in (the result is the resolved config), then builds the modules so that
/// every cross-field check and data file read happens before anything runs. Throws ConfigError.
Model validate_config(config::Node& root, const config::Registry& registry);
/// Builds the modules from a validated config.
Model build_model(const config::Node& root, const config::Registry& registry,
                  std::uint64_t point = 0);
/// Patterns and couplings of one trial (common random numbers: independent of the point).
/// `threads` may be used inside learning (exact kernels only: the result does not depend on it).
Trial build_trial(const Model& model, std::uint64_t trial, int threads = 1);
/// The cue for a probe: the clean state corrupted by every probe-stage noise module.
State make_cue(const Model& model, const State& clean, std::uint64_t trial, std::uint64_t probe);
/// The same cue with one more probe-stage module applied after the model's own, drawing from
/// the same stream (seed, cue_noise, trial, probe): for an experiment that varies the cue
/// noise itself (basins sweeps the flip fraction), so its cues are made like every other's.
State make_cue(const Model& model, const State& clean, std::uint64_t trial, std::uint64_t probe,
               const Noise& extra);
/// Registers the framework's own modules (patterns, learning, noise, dynamics, measures).
void register_framework_modules(config::Registry& registry);

}  // namespace hopfield
