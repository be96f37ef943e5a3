// Runs the (point, trial) tasks of an experiment and assembles their slices into padded
// datasets of shape (points, trials, …). Results land in slots indexed by (point, trial), so
// the record is the same whatever the order, the thread count or the process count.
#pragma once

#include "hopfield/experiments/experiment.hpp"

#include <functional>
#include <optional>

namespace hopfield {

struct TaskRunOptions {
  int threads = 1;
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  ///< may be empty
  /// Tasks already finished (e.g. replayed from a journal); they are not run again.
  std::vector<TaskResult> finished;
  /// Called (serialised) after every newly finished task, e.g. to append it to a journal.
  std::function<void(const TaskResult&)> on_task;
  /// This process runs only the tasks whose index ≡ rank (mod ranks) (MPI distribution).
  int rank = 0;
  int ranks = 1;
};

/// Runs every task not already finished and returns all results, ordered by (point, trial);
/// experiments[p] runs the tasks of point p.
std::vector<TaskResult> run_tasks(const std::vector<const Experiment*>& experiments,
                                  const std::vector<const Model*>& points, std::uint64_t trials,
                                  const TaskContext& context, const TaskRunOptions& options);

/// Pads and stores task results as datasets (points, trials, trailing…) in record.
void assemble(const std::vector<Column>& columns, const std::vector<TaskResult>& results,
              std::size_t points, std::size_t trials, Record& record);

}  // namespace hopfield
