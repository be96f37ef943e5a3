// Distribution of tasks over MPI ranks (DESIGN.md §5): `mpirun -np K hopfield run cfg.yaml`
// gives rank r the tasks whose index ≡ r (mod K); every rank validates the same config, runs its
// share, and sends its task results (the journal encoding) to rank 0, which assembles and writes
// the file. Results are identical for any K because tasks land in (point, trial) slots.
// A run started without mpirun never initialises MPI; a build without MPI has one rank.
#pragma once

#include "hopfield/experiments/experiment.hpp"

#include <vector>

namespace hopfield::mpi {

/// Initialises MPI when the process was started by mpirun (and MPI is built in); finalises it
/// at the end of the scope.
class Session {
 public:
  Session(int& argc, char**& argv);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
};

/// This process's rank and the number of ranks (0 and 1 without MPI).
int rank();
int size();
bool active();

/// Sends every non-empty result of this rank to rank 0 and, on rank 0, receives the others'
/// into their slots (results is indexed by point·trials + trial).
void gather_results(std::vector<TaskResult>& results, std::uint64_t trials);

/// True on every rank when `ok` is true on rank 0 (a collective; used so that a refusal on
/// rank 0 stops all ranks before they work).
bool agree(bool ok);

/// Aborts all ranks with an exit code (only when MPI is active).
[[noreturn]] void abort_all(int code);

}  // namespace hopfield::mpi
