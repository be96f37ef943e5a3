// From a configuration file to a results file (see hopfield/experiments/runner.hpp).
#include "hopfield/experiments/runner.hpp"

#include "hopfield/experiments/distribution.hpp"
#include "hopfield/experiments/journal.hpp"
#include "hopfield/experiments/progress.hpp"
#include "hopfield/experiments/statistics.hpp"
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
#include <limits>

namespace hopfield {

std::string default_output_path(const std::string& config_path) {
  return "results/" + std::filesystem::path(config_path).stem().string() + ".h5";
}

Prepared prepare(const std::string& config_path, const std::vector<std::string>& sets,
                 const std::optional<std::string>& output, const config::Registry& registry) {
  config::Node raw = io::load_yaml_file(config_path);
  for (const auto& assignment : sets) io::apply_override(raw, assignment);
  return prepare(raw, config_path, output, registry);
}

Prepared prepare(const config::Node& raw, const std::string& config_path,
                 const std::optional<std::string>& output, const config::Registry& registry) {
  Prepared p;
  p.config_path = config_path;
  // Every point is resolved and validated before anything runs, so a bad value at point 37
  // is reported before point 1 starts.
  p.plan = sweep::expand(raw.is_map() ? raw.find("sweep") : nullptr);
  for (std::size_t i = 0; i < p.plan.points.size(); ++i) {
    config::Node cfg = raw;
    for (const auto& a : p.plan.points[i].assignments)
      config::set_path(cfg, a.path, a.value, a.value.location());
    Model model = validate_config(cfg, registry);
    model.point = i;
    auto experiment = registry.family<Experiment>("experiment").make(cfg.at("experiment"));
    const std::string type = cfg.at("experiment").at("type").text();
    if (i == 0) {
      p.root = cfg;
      p.experiment_name = type;
    } else if (type != p.experiment_name) {
      throw ConfigError(cfg.at("experiment").at("type").location(),
                        "'experiment.type': every sweep point must run the same experiment");
    }
    p.models.push_back(std::move(model));
    p.experiments.push_back(std::move(experiment));
  }
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
  p.notes = storage_notes(p.models);
  if (model.network.self_coupling)
    p.warnings.push_back(
        "network.self_coupling is true: with w_ii ≠ 0 asynchronous updates are not guaranteed "
        "to decrease the energy, and the energy measure may increase along a run");
  return p;
}

std::string storage_label(const NetworkSpec& spec, Eigen::Index patterns) {
  std::string element;
  switch (spec.resolved_storage) {
    case StorageKind::dense:
      element = spec.precision == Precision::float32 ? "float32" : "float64";
      break;
    case StorageKind::integer:
      element = patterns <= 127 ? "int8" : "int16";
      break;
    case StorageKind::matrix_free:
      element = "bit-packed patterns";
      break;
    case StorageKind::sparse:
      element = "float32";
      break;
  }
  return std::string(to_string(spec.resolved_storage)) + " (" + element + ")";
}

std::vector<std::string> storage_notes(const std::vector<Model>& models) {
  std::vector<std::string> notes;
  for (const Model& m : models) {
    if (!m.patterns) continue;
    const Eigen::Index n = m.network.neurons;
    const Eigen::Index p = m.patterns->count(n);
    std::string note = fmt::format(
        "storage: {} for N = {}, P = {}, about {:.2f} GiB; {}", storage_label(m.network, p), n, p,
        m.network.storage_bytes / 1073741824.0,
        m.network.storage == "auto" ? "auto: " + m.network.storage_reason : "as configured");
    if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
  }
  return notes;
}

/// /summary/<metric>_mean and _sem per point: the mean over trials of each trial's mean over
/// the trailing dimensions, and its standard error (padding skipped).
void write_summary(Record& record, std::size_t points) {
  std::vector<const Dataset*> metrics;
  for (const auto& ds : record.datasets)
    if (ds.path.rfind("/results/", 0) == 0 && ds.shape.size() >= 2 &&
        (ds.dtype == DType::f64 || ds.dtype == DType::i64))
      metrics.push_back(&ds);
  std::vector<std::pair<std::string, std::pair<std::vector<double>, std::vector<double>>>> out;
  for (const Dataset* ds : metrics) {
    std::vector<double> mean(points), sem(points);
    for (std::size_t p = 0; p < points; ++p) {
      const MeanError m = trial_mean_and_error(*ds, static_cast<long>(p));
      mean[p] = m.samples > 0 ? m.mean : std::numeric_limits<double>::quiet_NaN();
      sem[p] = m.samples > 1 ? m.error : std::numeric_limits<double>::quiet_NaN();
    }
    out.push_back({ds->path.substr(9), {std::move(mean), std::move(sem)}});
  }
  for (auto& [name, values] : out) {
    Dataset& m = record.add("/summary/" + name + "_mean", DType::f64, {points}, {"point"},
                            "mean over trials of the per-trial mean of /results/" + name);
    m.f64 = std::move(values.first);
    Dataset& e = record.add("/summary/" + name + "_sem", DType::f64, {points}, {"point"},
                            "standard error over trials of /summary/" + name + "_mean");
    e.f64 = std::move(values.second);
  }
}

/// /network/storage: the coupling storage of each sweep point, as resolved from network.storage.
void write_storage(const std::vector<Model>& models, Record& record) {
  if (models.empty() || !models.front().patterns) return;
  Dataset& ds = record.add("/network/storage", DType::text, {models.size()}, {"point"},
                           "coupling storage of each sweep point: network.storage as resolved "
                           "(auto chooses by N, P, rule and available memory), with its element "
                           "type");
  for (std::size_t i = 0; i < models.size(); ++i)
    ds.text[i] =
        storage_label(models[i].network, models[i].patterns->count(models[i].network.neurons));
}

void write_points(const sweep::SweepPlan& plan, Record& record) {
  const std::size_t n = plan.points.size();
  for (std::size_t k = 0; k < plan.paths.size(); ++k) {
    bool numeric = true;
    for (const auto& point : plan.points) numeric = numeric && point.assignments[k].value.is_real();
    const std::string description = "value of " + plan.paths[k] + " at each sweep point";
    if (numeric) {
      Dataset& ds = record.add("/points/" + plan.paths[k], DType::f64, {n}, {"point"}, description);
      for (std::size_t i = 0; i < n; ++i) ds.f64[i] = plan.points[i].assignments[k].value.as_real();
    } else {
      Dataset& ds = record.add("/points/" + plan.paths[k], DType::text, {n}, {"point"},
                               description + " (YAML text)");
      for (std::size_t i = 0; i < n; ++i)
        ds.text[i] = io::to_flow_yaml(plan.points[i].assignments[k].value);
    }
  }
}

RunOutcome execute(const Prepared& prepared, const RunOptions& options,
                   std::vector<TaskResult> finished,
                   std::function<void(const TaskResult&)> on_task) {
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
  run_options.finished = std::move(finished);
  run_options.on_task = std::move(on_task);
  run_options.rank = mpi::rank();
  run_options.ranks = mpi::size();

  std::vector<const Model*> points;
  std::vector<const Experiment*> experiments;
  for (const auto& m : prepared.models) points.push_back(&m);
  for (const auto& e : prepared.experiments) experiments.push_back(e.get());
  const Experiment& first = *experiments.front();
  const std::vector<Column> columns = first.columns(*points.front(), context);
  std::vector<TaskResult> results =
      run_tasks(experiments, points, prepared.trials, context, run_options);
  progress.finish();
  // Under MPI every rank sends its results to rank 0, which alone assembles and writes.
  mpi::gather_results(results, prepared.trials);
  if (mpi::rank() != 0) return outcome;
  Record& record = outcome.record;
  write_points(prepared.plan, record);
  write_storage(prepared.models, record);
  assemble(columns, results, points.size(), prepared.trials, record);
  write_summary(record, points.size());
  first.finish(points, record);

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
  outcome.summary = first.summary(record);
  return outcome;
}

/// What a journal must match to be resumed: the resolved config without the output section.
std::string journal_header(const Prepared& prepared) {
  config::Node root = prepared.root;
  root.erase("output");
  return io::to_yaml(root);
}

void open_journal(const Prepared& prepared, const RunOptions& options,
                  const std::string& journal_path, const std::string& header,
                  std::vector<TaskResult>& finished, std::optional<Journal>& journal) {
  io::check_output_path(prepared.output_path, options.overwrite);
  if (std::filesystem::exists(journal_path) && options.resume) {
    JournalContents contents = read_journal(journal_path);
    if (contents.header != header) {
      std::string keys;
      for (const auto& k : differing_keys(contents.header, header))
        keys += (keys.empty() ? "" : ", ") + k;
      throw InputError("cannot resume from '" + journal_path +
                       "': the configuration differs from the interrupted run's in: " + keys +
                       " (start over with --overwrite)");
    }
    finished = std::move(contents.results);
    journal.emplace(Journal::append_to(journal_path));
  } else if (std::filesystem::exists(journal_path) && !options.overwrite) {
    throw InputError("'" + journal_path +
                     "' holds the progress of an interrupted run: continue it with --resume, "
                     "or start over with --overwrite");
  } else {
    journal.emplace(Journal::create(journal_path, header));
  }
}

RunOutcome run_to_file(const Prepared& prepared, const RunOptions& options) {
  const std::string journal_path = prepared.output_path + ".journal";
  const std::string header = journal_header(prepared);
  std::vector<TaskResult> finished;
  std::optional<Journal> journal;
  // Rank 0 owns the output and the journal; a refusal there stops every rank before work.
  std::exception_ptr refusal;
  if (mpi::rank() == 0) {
    try {
      open_journal(prepared, options, journal_path, header, finished, journal);
    } catch (...) {
      refusal = std::current_exception();
    }
  }
  if (!mpi::agree(refusal == nullptr)) {
    if (refusal) std::rethrow_exception(refusal);
    throw InputError("rank 0 refused the run");
  }
  // An I/O failure (a full disk, a directory that became unwritable) keeps the journal: say so.
  const auto keep_journal = [&journal_path](const IoError& e) {
    std::error_code ec;
    if (!std::filesystem::exists(journal_path, ec)) return IoError(e.what());
    return IoError(std::string(e.what()) + "; the finished tasks are kept in '" + journal_path +
                   "': run the same command with --resume once the problem is fixed");
  };
  RunOutcome outcome;
  try {
    outcome = execute(prepared, options, std::move(finished), [&journal](const TaskResult& r) {
      if (journal) journal->append(r);
    });
    if (mpi::rank() != 0) return outcome;
    io::write_results(outcome.record, prepared.output_path, options.overwrite);
  } catch (const IoError& e) {
    throw keep_journal(e);
  }
  journal.reset();
  std::filesystem::remove(journal_path);
  return outcome;
}

}  // namespace hopfield
