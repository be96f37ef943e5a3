// From a configuration file to a results file: load YAML, apply --set overrides, validate,
// build the models, run the experiment, write HDF5 with the resolved config inside.
// The CLI and the end-to-end tests both go through here.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/experiments/experiment.hpp"
#include "hopfield/sweep/sweep.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hopfield {

/// A validated run, ready to execute.
struct Prepared {
  std::string config_path;
  config::Node root;          ///< the resolved configuration (defaults filled in)
  std::vector<Model> models;  ///< one per sweep point
  std::vector<std::unique_ptr<Experiment>> experiments;  ///< one per sweep point, same type
  sweep::SweepPlan plan;  ///< the swept paths and each point's values
  std::string experiment_name;
  std::uint64_t trials = 1;
  std::string output_path;
  std::vector<std::string> save;
  std::vector<std::string> warnings;  ///< things the user should know before trusting results
  std::vector<std::string> notes;     ///< decisions taken for the user (e.g. the storage chosen)
};

/// One line per distinct coupling storage the points resolved to, e.g. "storage: integer (int16,
/// 0.50 GiB) for N = 16384, P = 1638; auto: …".
std::vector<std::string> storage_notes(const std::vector<Model>& models);

/// Loads, overrides and validates; throws ConfigError/InputError on bad input.
Prepared prepare(const std::string& config_path, const std::vector<std::string>& sets,
                 const std::optional<std::string>& output, const config::Registry& registry);
/// The same from a tree already loaded (overrides applied); config_path names the source for
/// the default output path and the results file.
Prepared prepare(const config::Node& raw, const std::string& config_path,
                 const std::optional<std::string>& output, const config::Registry& registry);

struct RunOptions {
  int threads = 0;  ///< 0: all available
  bool overwrite = false;
  bool resume = false;  ///< continue from <output>.journal
  bool quiet = false;
  const std::atomic<bool>* stop = nullptr;
};

struct RunOutcome {
  Record record;
  std::string summary;
  double seconds = 0.0;
};

/// Runs the experiment and returns the record with its root attributes (no file written).
/// Tasks in `finished` are not run again; on_task sees every newly finished task.
RunOutcome execute(const Prepared& prepared, const RunOptions& options,
                   std::vector<TaskResult> finished = {},
                   std::function<void(const TaskResult&)> on_task = {});

/// execute() then write the results file (refusing to overwrite without options.overwrite),
/// journaling every finished task to <output>.journal so that --resume can continue after a
/// crash or a signal; the journal is removed once the results file is in place.
RunOutcome run_to_file(const Prepared& prepared, const RunOptions& options);

/// The default results path for a config file: results/<stem>.h5.
std::string default_output_path(const std::string& config_path);

}  // namespace hopfield
