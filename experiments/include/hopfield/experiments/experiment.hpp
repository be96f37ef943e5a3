// The experiment interface. A run is a set of independent tasks, one per (sweep point, trial).
// An experiment declares the per-task datasets it produces (columns), runs one task at a time
// and, after all tasks, may add aggregates. The runner owns scheduling (threads, MPI ranks),
// the checkpoint journal and assembly into /results, so every experiment gets bitwise
// reproducibility for any thread count, rank count or resume point without doing anything.
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

/// A per-task dataset. The stored dataset is `path` with shape (points, trials, d1, d2, …):
/// each task gives its own trailing shape (d1, d2, …); the runner pads every task to the
/// largest (NaN for f64, −1 for integers) — so variable-length things (probes along an α sweep,
/// energy traces) need no special handling.
struct Column {
  std::string path;  ///< "/results/overlap"
  DType dtype = DType::f64;
  std::vector<std::string> dims;  ///< names of the trailing dimensions ({"probe"}, {}, …)
  std::string description;
  std::string unit;
  /// Non-empty: a long table (DESIGN.md §6) under this group, e.g. "/attractors". Each task's
  /// slice has a variable number of rows (its first dimension); the rows of all tasks are
  /// concatenated in (point, trial) order into shape (rows, d2, …) and the runner adds the
  /// columns <table>/point and <table>/trial. Every column of a table gives the same rows.
  std::string table = {};
};

/// The values of one column for one task: its trailing shape and row-major data. f64, i64 and
/// i8 columns hold their values in `data` (integers exactly in double, |v| < 2^53); u64 columns
/// (bit-packed states) hold them in `words`, exact over the whole 64-bit range.
struct Slice {
  std::vector<std::size_t> shape;
  std::vector<double> data;
  std::vector<std::uint64_t> words = {};

  static Slice scalar(double v) { return Slice{{}, {v}}; }
  static Slice vector(std::vector<double> v) {
    const std::size_t n = v.size();
    return Slice{{n}, std::move(v)};
  }
  /// A u64 slice of the given shape (rows of bit-packed words).
  static Slice u64(std::vector<std::size_t> shape, std::vector<std::uint64_t> w) {
    return Slice{std::move(shape), {}, std::move(w)};
  }
  /// Number of values held (words for u64 slices, data otherwise).
  [[nodiscard]] std::size_t size() const { return words.empty() ? data.size() : words.size(); }
};

/// What one (point, trial) task produced: one slice per column, in column order.
struct TaskResult {
  std::uint64_t point = 0;
  std::uint64_t trial = 0;
  std::vector<Slice> slices;
};

struct TaskContext {
  int threads = 1;  ///< threads this task may use inside (OpenMP); 1 when tasks run in parallel
  std::vector<std::string> save;  ///< output.save groups: patterns, probes, trajectories, …
  const std::atomic<bool>* stop = nullptr;  ///< set by SIGINT/SIGTERM

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
  /// The per-task datasets (the same for every point; decided from the first point's model
  /// and the saved groups).
  [[nodiscard]] virtual std::vector<Column> columns(const Model& model,
                                                    const TaskContext& context) const = 0;
  /// Runs one task; must depend only on (model, point, trial) — never on other tasks.
  [[nodiscard]] virtual TaskResult run_task(const Model& model, std::uint64_t point,
                                            std::uint64_t trial,
                                            const TaskContext& context) const = 0;
  /// After every task is assembled into record: aggregates (summaries, fits). Optional.
  virtual void finish(const std::vector<const Model*>& /*points*/, Record& /*record*/) const {}
  /// A one-paragraph summary of the headline metrics for stdout.
  [[nodiscard]] virtual std::string summary(const Record& record) const = 0;
};

/// Creates the "experiment" family and registers the experiment kinds.
void register_experiments(config::Registry& registry);

/// A registry with every family and module: framework, io and experiments. Held by pointer:
/// modules may keep a pointer to the registry (nested modules are made at validation).
std::unique_ptr<config::Registry> make_registry();

}  // namespace hopfield
