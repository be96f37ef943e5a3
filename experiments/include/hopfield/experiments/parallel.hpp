// The one parallel loop experiments use inside a task (over probes, patterns, starts): OpenMP
// with dynamic scheduling, the first exception rethrown on the calling thread, and an early
// stop when the run is interrupted. Each iteration must write only its own slots, so results
// do not depend on the thread count.
#pragma once

#include "hopfield/experiments/experiment.hpp"

#include <cstdint>
#include <exception>
#include <mutex>

namespace hopfield {

template <class Body>
void parallel_for(std::int64_t n, const TaskContext& context, Body&& body) {
  std::exception_ptr failure;
  std::mutex failure_mutex;
#pragma omp parallel for schedule(dynamic) num_threads(context.threads)
  for (std::int64_t k = 0; k < n; ++k) {
    try {
      if (context.stopped()) continue;
      body(static_cast<std::size_t>(k));
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  if (context.stopped()) throw Interrupted();
}

}  // namespace hopfield
