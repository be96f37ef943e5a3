// From a configuration file to a results file (see hopfield/experiments/runner.hpp).
#include "hopfield/experiments/runner.hpp"

#include "hopfield/experiments/progress.hpp"
#include "hopfield/experiments/task_runner.hpp"
#include "hopfield/io/results_writer.hpp"
#include "hopfield/io/yaml_emitter.hpp"
#include "hopfield/io/yaml_loader.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>

namespace hopfield {

std::string default_output_path(const std::string& config_path) {
  return "results/" + std::filesystem::path(config_path).stem().string() + ".h5";
}

Prepared prepare(const std::string& config_path, const std::vector<std::string>& sets,
                 const std::optional<std::string>& output, const config::Registry& registry) {
  Prepared p;
  p.config_path = config_path;
  p.root = io::load_yaml_file(config_path);
  for (const auto& assignment : sets) io::apply_override(p.root, assignment);
  p.models.push_back(validate_config(p.root, registry));
  p.experiment = registry.family<Experiment>("experiment").make(p.root.at("experiment"));
  p.experiment_name = p.root.at("experiment").at("type").text();
  p.trials = static_cast<std::uint64_t>(p.root.at("sweep").at("trials").as_integer());

  config::Node& out = p.root.at("output");
  if (output) {
    out.set("path", config::Node::make_scalar(*output, Location{"-o", 0, 0}, true));
  } else if (!out.has("path")) {
    out.set("path",
            config::Node::make_scalar(default_output_path(config_path), out.location(), true));
  }
  p.root.assign_paths();
  p.output_path = out.at("path").text();
  if (const config::Node* save = out.find("save")) {
    if (save->is_sequence()) {
      for (const auto& item : save->items()) p.save.push_back(item.text());
    } else {
      p.save.push_back(save->text());
    }
  }
  const Model& model = p.models.front();
  const bool saves_couplings = std::find(p.save.begin(), p.save.end(), "couplings") != p.save.end();
  constexpr Eigen::Index max_saved_neurons = 4096;
  if (saves_couplings && model.network.neurons > max_saved_neurons)
    out.at("save").fail("saving couplings stores N² values per trial; allowed up to N = " +
                        std::to_string(max_saved_neurons) + ", this network has " +
                        std::to_string(model.network.neurons));
  if (model.network.self_coupling)
    p.warnings.push_back(
        "network.self_coupling is true: with w_ii ≠ 0 asynchronous updates are not guaranteed "
        "to decrease the energy, and the energy measure may increase along a run");
  return p;
}

RunOutcome execute(const Prepared& prepared, const RunOptions& options) {
  RunOutcome outcome;
  const auto start = std::chrono::steady_clock::now();
  const auto wall = std::chrono::system_clock::now();

  TaskContext context;
  context.save = prepared.save;
  context.stop = options.stop;
  Progress progress(prepared.experiment_name, !options.quiet);
  TaskRunOptions run_options;
  run_options.threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  run_options.progress = [&progress](std::uint64_t done, std::uint64_t total) {
    progress.update(done, total);
  };

  std::vector<const Model*> points;
  for (const auto& m : prepared.models) points.push_back(&m);
  const std::vector<Column> columns = prepared.experiment->columns(*points.front(), context);
  const std::vector<TaskResult> results =
      run_tasks(*prepared.experiment, points, prepared.trials, context, run_options);
  progress.finish();
  Record& record = outcome.record;
  assemble(columns, results, points.size(), prepared.trials, record);
  prepared.experiment->finish(points, record);

  record.set_attribute("format", std::string("hopfield-results"));
  record.set_attribute("format_version", std::int64_t{1});
  record.set_attribute("software_version", std::string(HOPFIELD_VERSION));
  record.set_attribute("git_commit", std::string(HOPFIELD_GIT_COMMIT));
  record.set_attribute("experiment", prepared.experiment_name);
  record.set_attribute("seed", prepared.root.at("seed").as_integer());
  record.set_attribute("config", io::to_yaml(prepared.root));
  record.set_attribute("config_file", prepared.config_path);
  record.set_attribute("created",
                       fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                                   fmt::gmtime(std::chrono::system_clock::to_time_t(wall))));

  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outcome.summary = prepared.experiment->summary(record);
  return outcome;
}

RunOutcome run_to_file(const Prepared& prepared, const RunOptions& options) {
  io::check_output_path(prepared.output_path, options.overwrite);
  RunOutcome outcome = execute(prepared, options);
  io::write_results(outcome.record, prepared.output_path, options.overwrite);
  return outcome;
}

}  // namespace hopfield
