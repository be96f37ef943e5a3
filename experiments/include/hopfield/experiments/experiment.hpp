// The experiment interface: an experiment takes the models of its sweep points, runs every
// (point, trial) task and fills the in-memory record. It only says what it varies and what it
// records; assembly of each trial is the framework's (model/model.hpp).
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/measure/record.hpp"
#include "hopfield/model/model.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hopfield {

struct RunContext {
  int threads = 1;                 ///< OpenMP threads for tasks inside the run
  std::vector<std::string> save;   ///< output.save groups: patterns, probes, trajectories, …
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  ///< may be empty
  const std::atomic<bool>* stop = nullptr;  ///< set by SIGINT/SIGTERM; checked between tasks

  [[nodiscard]] bool saves(std::string_view group) const;
  [[nodiscard]] bool stopped() const { return stop != nullptr && stop->load(); }
};

/// Thrown when a run is stopped by a signal.
class Interrupted : public Error {
 public:
  Interrupted() : Error("interrupted") {}
};

class Experiment {
 public:
  virtual ~Experiment() = default;
  /// Runs every trial of every point and writes /results (and the saved groups) into record.
  virtual void run(const std::vector<const Model*>& points, std::uint64_t trials,
                   const RunContext& context, Record& record) const = 0;
  /// A one-paragraph summary of the headline metrics for stdout.
  [[nodiscard]] virtual std::string summary(const Record& record) const = 0;
};

/// Creates the "experiment" family and registers the experiment kinds.
void register_experiments(config::Registry& registry);

/// A registry with every family and module: framework, io and experiments. Held by pointer:
/// modules may keep a pointer to the registry (nested modules are made at validation).
std::unique_ptr<config::Registry> make_registry();

}  // namespace hopfield
