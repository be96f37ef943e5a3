// Distribution of tasks over MPI ranks (see hopfield/experiments/distribution.hpp).
#include "hopfield/experiments/distribution.hpp"

#include "hopfield/experiments/journal.hpp"

#include <cstdlib>
#include <cstring>

#ifdef HOPFIELD_HAVE_MPI
#include <mpi.h>
#endif

namespace hopfield::mpi {

namespace {
bool g_active = false;
int g_rank = 0;
int g_size = 1;

// Used only with MPI; clang warns about an unused function in builds without it.
[[maybe_unused]] bool started_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMI_SIZE") != nullptr ||
         std::getenv("PMIX_RANK") != nullptr;
}
}  // namespace

Session::Session([[maybe_unused]] int& argc, [[maybe_unused]] char**& argv) {
#ifdef HOPFIELD_HAVE_MPI
  if (!started_by_mpirun()) return;
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &g_size);
  g_active = true;
#endif
}

Session::~Session() {
#ifdef HOPFIELD_HAVE_MPI
  if (g_active) MPI_Finalize();
  g_active = false;
#endif
}

int rank() {
  return g_rank;
}
int size() {
  return g_size;
}
bool active() {
  return g_active;
}

void gather_results([[maybe_unused]] std::vector<TaskResult>& results,
                    [[maybe_unused]] std::uint64_t trials) {
#ifdef HOPFIELD_HAVE_MPI
  if (!g_active || g_size == 1) return;
  constexpr int tag = 7;
  if (g_rank != 0) {
    std::string blob;
    for (const auto& r : results) {
      if (r.slices.empty()) continue;
      const std::string one = encode_task(r);
      const std::uint64_t n = one.size();
      blob.append(reinterpret_cast<const char*>(&n), sizeof n);
      blob += one;
    }
    const std::uint64_t total = blob.size();
    MPI_Send(&total, 1, MPI_UINT64_T, 0, tag, MPI_COMM_WORLD);
    // Large blobs go in pieces that fit an int count.
    for (std::uint64_t at = 0; at < total; at += 1u << 30) {
      const auto piece = static_cast<int>(std::min<std::uint64_t>(total - at, 1u << 30));
      MPI_Send(blob.data() + at, piece, MPI_CHAR, 0, tag, MPI_COMM_WORLD);
    }
    return;
  }
  for (int source = 1; source < g_size; ++source) {
    std::uint64_t total = 0;
    MPI_Recv(&total, 1, MPI_UINT64_T, source, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    std::string blob(total, '\0');
    for (std::uint64_t at = 0; at < total; at += 1u << 30) {
      const auto piece = static_cast<int>(std::min<std::uint64_t>(total - at, 1u << 30));
      MPI_Recv(blob.data() + at, piece, MPI_CHAR, source, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    std::size_t at = 0;
    while (at < blob.size()) {
      std::uint64_t n = 0;
      std::memcpy(&n, blob.data() + at, sizeof n);
      at += sizeof n;
      TaskResult r = decode_task(std::string_view(blob).substr(at, n));
      at += n;
      results[r.point * trials + r.trial] = std::move(r);
    }
  }
#endif
}

bool agree([[maybe_unused]] bool ok) {
#ifdef HOPFIELD_HAVE_MPI
  if (!g_active || g_size == 1) return ok;
  int flag = ok ? 1 : 0;
  MPI_Bcast(&flag, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return flag != 0;
#else
  return ok;
#endif
}

void abort_all(int code) {
#ifdef HOPFIELD_HAVE_MPI
  if (g_active) MPI_Abort(MPI_COMM_WORLD, code);
#endif
  std::exit(code);
}

}  // namespace hopfield::mpi
