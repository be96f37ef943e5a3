// Task scheduling and assembly (see hopfield/experiments/task_runner.hpp).
#include "hopfield/experiments/task_runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>

namespace hopfield {

std::vector<TaskResult> run_tasks(const std::vector<const Experiment*>& experiments,
                                  const std::vector<const Model*>& points, std::uint64_t trials,
                                  const TaskContext& context, const TaskRunOptions& options) {
  const std::uint64_t total = static_cast<std::uint64_t>(points.size()) * trials;
  std::vector<TaskResult> results(total);
  std::vector<char> done(total, 0);
  for (const auto& r : options.finished) {
    const std::uint64_t id = r.point * trials + r.trial;
    if (r.point < points.size() && r.trial < trials) {
      results[id] = r;
      done[id] = 1;
    }
  }
  std::vector<std::uint64_t> todo;
  const auto ranks = static_cast<std::uint64_t>(std::max(1, options.ranks));
  const auto rank = static_cast<std::uint64_t>(options.rank);
  std::uint64_t mine = 0;
  for (std::uint64_t id = 0; id < total; ++id) {
    if (id % ranks != rank) continue;
    ++mine;
    if (!done[id]) todo.push_back(id);
  }
  std::uint64_t finished = mine - todo.size();

  // Parallel over tasks when there are enough of them; otherwise one task at a time with the
  // threads inside it (e.g. over probes).
  const int threads = std::max(1, options.threads);
  const bool across = todo.size() >= static_cast<std::size_t>(threads) && threads > 1;
  TaskContext inner = context;
  inner.threads = across ? 1 : threads;

  std::exception_ptr failure;
  std::mutex mutex;
  const auto n_todo = static_cast<std::int64_t>(todo.size());
#pragma omp parallel for schedule(dynamic, 1) num_threads(across ? threads : 1)
  for (std::int64_t k = 0; k < n_todo; ++k) {
    {
      const std::lock_guard<std::mutex> lock(mutex);
      if (failure) continue;
    }
    try {
      if (context.stopped()) throw Interrupted();
      const std::uint64_t id = todo[static_cast<std::size_t>(k)];
      const std::uint64_t point = id / trials;
      const std::uint64_t trial = id % trials;
      TaskResult r = experiments[point]->run_task(*points[point], point, trial, inner);
      r.point = point;
      r.trial = trial;
      const std::lock_guard<std::mutex> lock(mutex);
      if (options.on_task) options.on_task(r);
      results[id] = std::move(r);
      ++finished;
      if (options.progress) options.progress(finished, mine);
    } catch (...) {
      const std::lock_guard<std::mutex> lock(mutex);
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  return results;
}

namespace {

/// Row-major position of element k of a slice of shape `shape` inside a padded block of shape
/// `padded` (same rank, each extent at least as large), counting dimensions from `first`.
std::size_t padded_offset(std::size_t k, const std::vector<std::size_t>& shape,
                          const std::vector<std::size_t>& padded, std::size_t first) {
  std::size_t offset = 0;
  std::size_t stride = 1;
  for (std::size_t d = shape.size(); d-- > first;) {
    offset += (k % shape[d]) * stride;
    k /= shape[d];
    stride *= padded[d - first];
  }
  return offset;
}

/// Element k of a slice into slot of ds: u64 columns take the exact words, others the doubles.
void store(Dataset& ds, std::size_t slot, const Slice& s, std::size_t k, const std::string& path) {
  if (ds.dtype == DType::u64) {
    if (k >= s.words.size())
      throw Error("column " + path + ": a u64 column needs its values in Slice::words");
    ds.u64[slot] = s.words[k];
    return;
  }
  const double v = s.data.at(k);
  switch (ds.dtype) {
    case DType::f64:
      ds.f64[slot] = v;
      break;
    case DType::i64:
      ds.i64[slot] = std::isfinite(v) ? static_cast<std::int64_t>(v) : -1;
      break;
    case DType::i8:
      ds.i8[slot] = static_cast<std::int8_t>(v);
      break;
    case DType::u64:
      break;
    case DType::text:
      throw Error("column " + path + ": text columns cannot come from tasks");
  }
}

/// A long-table column: rows of every task concatenated in (point, trial) order.
void assemble_table(const Column& col, std::size_t c, const std::vector<TaskResult>& results,
                    Record& record) {
  std::vector<std::size_t> rest(col.dims.size() > 0 ? col.dims.size() - 1 : 0, 0);
  std::size_t rows = 0;
  for (const auto& r : results) {
    const Slice& s = r.slices.at(c);
    if (s.shape.size() != col.dims.size() || s.shape.empty())
      throw Error(fmt::format("table column {}: slice of rank {}, expected {}", col.path,
                              s.shape.size(), col.dims.size()));
    rows += s.shape[0];
    for (std::size_t d = 1; d < s.shape.size(); ++d)
      rest[d - 1] = std::max(rest[d - 1], s.shape[d]);
  }
  std::vector<std::size_t> shape{rows};
  shape.insert(shape.end(), rest.begin(), rest.end());
  Dataset& ds = record.add(col.path, col.dtype, shape, col.dims, col.description, col.unit);
  std::size_t row_size = 1;
  for (auto e : rest) row_size *= e;
  const bool first_of_table = record.find(col.table + "/point") == nullptr;
  Dataset* point = nullptr;
  Dataset* trial = nullptr;
  if (first_of_table) {
    point =
        &record.add(col.table + "/point", DType::i64, {rows}, {"row"}, "sweep point of the row");
    trial = &record.add(col.table + "/trial", DType::i64, {rows}, {"row"}, "trial of the row");
  }
  std::size_t row = 0;
  for (const auto& r : results) {
    const Slice& s = r.slices[c];
    std::size_t src_row = 1;
    for (std::size_t d = 1; d < s.shape.size(); ++d) src_row *= s.shape[d];
    for (std::size_t i = 0; i < s.shape[0]; ++i, ++row) {
      if (first_of_table) {
        point->i64[row] = static_cast<std::int64_t>(r.point);
        trial->i64[row] = static_cast<std::int64_t>(r.trial);
      }
      for (std::size_t k = 0; k < src_row; ++k)
        store(ds, row * row_size + padded_offset(k, s.shape, rest, 1), s, i * src_row + k,
              col.path);
    }
  }
}

}  // namespace

void assemble(const std::vector<Column>& columns, const std::vector<TaskResult>& results,
              std::size_t points, std::size_t trials, Record& record) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const Column& col = columns[c];
    if (!col.table.empty()) {
      assemble_table(col, c, results, record);
      continue;
    }
    // The padded trailing shape: the largest extent of every dimension over all tasks.
    std::vector<std::size_t> trailing(col.dims.size(), 0);
    for (const auto& r : results) {
      if (c >= r.slices.size())
        throw Error(fmt::format("task ({}, {}) gave {} slices but {} columns are declared", r.point,
                                r.trial, r.slices.size(), columns.size()));
      const Slice& s = r.slices[c];
      if (s.shape.size() != col.dims.size())
        throw Error(fmt::format("column {}: a task gave a slice of rank {}, expected {}", col.path,
                                s.shape.size(), col.dims.size()));
      for (std::size_t d = 0; d < trailing.size(); ++d)
        trailing[d] = std::max(trailing[d], s.shape[d]);
    }
    std::vector<std::size_t> shape{points, trials};
    shape.insert(shape.end(), trailing.begin(), trailing.end());
    std::vector<std::string> dims{"point", "trial"};
    dims.insert(dims.end(), col.dims.begin(), col.dims.end());
    Dataset& ds = record.add(col.path, col.dtype, shape, dims, col.description, col.unit);

    std::size_t block = 1;
    for (auto e : trailing) block *= e;
    for (const auto& r : results) {
      const Slice& s = r.slices[c];
      const std::size_t base = (r.point * trials + r.trial) * block;
      const std::size_t n = s.size();
      for (std::size_t k = 0; k < n; ++k)
        store(ds, base + padded_offset(k, s.shape, trailing, 0), s, k, col.path);
    }
  }
}

}  // namespace hopfield
