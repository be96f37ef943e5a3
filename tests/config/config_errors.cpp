// The CLI contract: every bad config in tests/config/bad/ is refused with exit code 2 and the
// documented message (its "# expect:" line), and leaves no results file; overwrite refusal;
// a killed run leaves nothing under the final name; --set and validate --print.
#include "cli_support.hpp"

#include <cstring>
#include <string>

using namespace cli;

namespace {

const char* small_config =
    "network: {neurons: 200}\n"
    "patterns: {type: random, alpha: 0.05}\n"
    "noise: [{type: flip, fraction: 0.1}]\n"
    "sweep: {trials: 3}\n";

}  // namespace

TEST_CASE("every bad config is refused with exit 2, its documented message and no file",
          "[config][cli]") {
  const fs::path bad_dir = fs::path(HOPFIELD_SOURCE_DIR) / "tests/config/bad";
  const fs::path out_dir = scratch("bad");
  int files = 0;
  for (const auto& entry : fs::directory_iterator(bad_dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const std::string fragment = expected_fragment(entry.path());
    INFO("config: " << entry.path().string() << "\nexpected: " << fragment);

    const auto validate = run_command(binary() + " validate " + entry.path().string());
    INFO("validate said: " << validate.output);
    CHECK(validate.code == 2);
    CHECK(validate.output.find(fragment) != std::string::npos);
    // The message names the file (file:line:col).
    CHECK(validate.output.find(entry.path().filename().string()) != std::string::npos);

    const fs::path out = out_dir / (entry.path().stem().string() + ".h5");
    const auto run =
        run_command(binary() + " run " + entry.path().string() + " --quiet -o " + out.string());
    INFO("run said: " << run.output);
    CHECK(run.code == 2);
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(out.string() + ".partial"));
    CHECK_FALSE(fs::exists(out.string() + ".journal"));
  }
  // Nothing at all is left in the output folder.
  CHECK(fs::is_empty(out_dir));
  CHECK(files >= 98);
}

#ifndef HOPFIELD_TEST_SANITIZED
TEST_CASE("a network too large for memory is refused with the estimate before allocating",
          "[config][cli]") {
  // Under a 2 GiB address-space limit, allocating the network (hundreds of GiB) would fail
  // with bad_alloc (exit 1): exit 2 with the estimate shows the check comes first. (Sanitizer
  // builds reserve terabytes of shadow memory and cannot run under such a limit.)
  const fs::path bad_dir = fs::path(HOPFIELD_SOURCE_DIR) / "tests/config/bad";
  const fs::path out_dir = scratch("memory");
  for (const char* name :
       {"neurons_too_large_for_memory", "patterns_too_many_for_memory", "neurons_huge_sparse"}) {
    const fs::path cfg = bad_dir / (std::string(name) + ".yaml");
    const fs::path out = out_dir / (std::string(name) + ".h5");
    const auto r = run_command("bash -c 'ulimit -v 2097152; exec " + binary() + " run " +
                               cfg.string() + " --quiet -o " + out.string() + "'");
    INFO(name << ": " << r.output);
    CHECK(r.code == 2);
    CHECK(r.output.find("needs about") != std::string::npos);
    CHECK(r.output.find("GiB") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  // HOPFIELD_MEMORY_LIMIT lowers the budget (a login node, a shared machine): a network that
  // fits the machine is refused, naming the variable.
  const fs::path small = out_dir / "small.yaml";
  write_file(small, small_config);
  const auto limited =
      run_command("env HOPFIELD_MEMORY_LIMIT=64K " + binary() + " validate " + small.string());
  INFO(limited.output);
  CHECK(limited.code == 2);
  CHECK(limited.output.find("HOPFIELD_MEMORY_LIMIT") != std::string::npos);
  const auto malformed =
      run_command("env HOPFIELD_MEMORY_LIMIT=lots " + binary() + " validate " + small.string());
  CHECK(malformed.code == 2);
  CHECK(malformed.output.find("HOPFIELD_MEMORY_LIMIT='lots'") != std::string::npos);
  CHECK(run_command("env HOPFIELD_MEMORY_LIMIT=1G " + binary() + " validate " + small.string())
            .code == 0);
}
#endif

TEST_CASE("an existing results file is not overwritten without --overwrite", "[config][cli]") {
  const fs::path dir = scratch("overwrite");
  const fs::path cfg = dir / "small.yaml";
  write_file(cfg, small_config);
  const fs::path out = dir / "out.h5";
  const auto first = run_command(binary() + " run " + cfg.string() + " --quiet -o " + out.string());
  INFO(first.output);
  REQUIRE(first.code == 0);
  REQUIRE(fs::exists(out));
  const auto size = fs::file_size(out);
  const auto time = fs::last_write_time(out);

  const auto second =
      run_command(binary() + " run " + cfg.string() + " --quiet -o " + out.string());
  INFO(second.output);
  CHECK(second.code == 2);
  CHECK(second.output.find("--overwrite") != std::string::npos);
  CHECK(fs::file_size(out) == size);
  CHECK(fs::last_write_time(out) == time);

  const auto third =
      run_command(binary() + " run " + cfg.string() + " --quiet --overwrite -o " + out.string());
  CHECK(third.code == 0);
  CHECK_FALSE(fs::exists(out.string() + ".partial"));
}

TEST_CASE("a run killed with SIGKILL leaves no file under the final name", "[config][cli]") {
  const fs::path dir = scratch("kill");
  const fs::path cfg = dir / "long.yaml";
  write_file(cfg,
             "network: {neurons: 2000}\n"
             "patterns: {type: random, alpha: 0.1}\n"
             "noise: [{type: flip, fraction: 0.2}]\n"
             "sweep: {trials: 400}\n");
  const fs::path out = dir / "out.h5";
  for (const char* delay : {"0.3", "1.0"}) {
    const auto r =
        run_command("timeout -s KILL " + std::string(delay) + " " + binary() + " run " +
                    cfg.string() + " --quiet --overwrite --threads 1 -o " + out.string());
    INFO(r.output);
    CHECK(r.code == 137);
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("SIGINT stops a run with exit 130 and writes no results file", "[config][cli]") {
  const fs::path dir = scratch("sigint");
  const fs::path cfg = dir / "long.yaml";
  write_file(cfg,
             "network: {neurons: 2000}\n"
             "patterns: {type: random, alpha: 0.1}\n"
             "noise: [{type: flip, fraction: 0.2}]\n"
             "sweep: {trials: 400}\n");
  const fs::path out = dir / "out.h5";
  const auto r = run_command("timeout --preserve-status -s INT 1.0 " + binary() + " run " +
                             cfg.string() + " --quiet --threads 1 -o " + out.string());
  INFO(r.output);
  CHECK(r.code == 130);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("--set overrides a key and validate --print shows the resolved config", "[config][cli]") {
  const fs::path dir = scratch("set");
  const fs::path cfg = dir / "small.yaml";
  write_file(cfg, small_config);
  const auto print = run_command(binary() + " validate " + cfg.string() +
                                 " --print --set dynamics.type=sync --set network.neurons=300");
  INFO(print.output);
  REQUIRE(print.code == 0);
  CHECK(print.output.find("type: sync") != std::string::npos);
  CHECK(print.output.find("neurons: 300") != std::string::npos);
  CHECK(print.output.find("max_sweeps: 100") != std::string::npos);  // a default, filled in
  CHECK(print.output.find("representation: bipolar") != std::string::npos);

  const auto bad = run_command(binary() + " validate " + cfg.string() + " --set network.nuerons=5");
  CHECK(bad.code == 2);
  CHECK(bad.output.find("unknown key 'nuerons' in 'network' (did you mean 'neurons'?)") !=
        std::string::npos);
  CHECK(bad.output.find("--set network.nuerons=5") != std::string::npos);
}

TEST_CASE("results are bitwise identical for 1 and 2 threads", "[config][cli][determinism]") {
  const fs::path dir = scratch("threads");
  const fs::path cfg = dir / "small.yaml";
  write_file(cfg,
             "network: {neurons: 300}\n"
             "patterns: {type: random, alpha: 0.12}\n"
             "noise: [{type: flip, fraction: 0.15}]\n"
             "measure: [overlap, max_overlap, hamming, energy, energy_trace, sweeps, converged]\n"
             "sweep: {trials: 4}\n"
             "output: {save: [patterns, probes, trajectories]}\n");
  const fs::path one = dir / "one.h5";
  const fs::path two = dir / "two.h5";
  REQUIRE(run_command(binary() + " run " + cfg.string() + " --quiet --threads 1 -o " + one.string())
              .code == 0);
  REQUIRE(run_command(binary() + " run " + cfg.string() + " --quiet --threads 2 -o " + two.string())
              .code == 0);
  const auto a = hopfield::io::read_results(one.string());
  const auto b = hopfield::io::read_results(two.string());
  REQUIRE(a.datasets.size() == b.datasets.size());
  REQUIRE(a.datasets.size() >= 10);
  for (std::size_t i = 0; i < a.datasets.size(); ++i) {
    const auto& x = a.datasets[i];
    const auto* y = b.find(x.path);
    INFO(x.path);
    REQUIRE(y != nullptr);
    CHECK(x.shape == y->shape);
    CHECK(x.i64 == y->i64);
    CHECK(x.i8 == y->i8);
    CHECK(x.u64 == y->u64);
    REQUIRE(x.f64.size() == y->f64.size());
    CHECK((x.f64.empty() ||
           std::memcmp(x.f64.data(), y->f64.data(), x.f64.size() * sizeof(double)) == 0));
  }
}

TEST_CASE("a torn last journal record is detected and its task redone", "[config][cli][resume]") {
  const fs::path dir = scratch("torn");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const fs::path full = dir / "full.h5";
  REQUIRE(run_command(binary() + " run " + cfg.string() + " --quiet -o " + full.string()).code ==
          0);
  const fs::path out = dir / "torn.h5";
  const fs::path journal = out.string() + ".journal";
  const auto stopped = interrupt_after_journal(
      binary() + " run " + cfg.string() + " --quiet --threads 1 -o " + out.string(), journal);
  INFO(stopped.output);
  if (stopped.code == 0) return;  // finished before the signal: nothing to resume
  REQUIRE(stopped.code == 130);
  REQUIRE(fs::exists(journal));
  {
    // A task record cut short: frame header promising 64 bytes, then 5.
    const char torn[] = {'H', 'J', 'T', 64, 0, 0, 0, 0, 0, 0, 0, 't', 'o', 'r', 'n', '!'};
    std::ofstream append(journal, std::ios::binary | std::ios::app);
    append.write(torn, sizeof torn);
  }
  const auto resumed =
      run_command(binary() + " run " + cfg.string() + " --quiet --resume -o " + out.string());
  INFO(resumed.output);
  REQUIRE(resumed.code == 0);
  require_same_results(full, out);
}

TEST_CASE("a resume with a changed config is refused naming the differing keys",
          "[config][cli][resume]") {
  const fs::path dir = scratch("changed");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const fs::path out = dir / "out.h5";
  const auto stopped = interrupt_after_journal(
      binary() + " run " + cfg.string() + " --quiet --threads 1 -o " + out.string(),
      out.string() + ".journal");
  if (stopped.code == 0) return;
  REQUIRE(fs::exists(out.string() + ".journal"));
  const auto plain = run_command(binary() + " run " + cfg.string() + " --quiet -o " + out.string());
  CHECK(plain.code == 2);
  CHECK(plain.output.find("--resume") != std::string::npos);
  const auto changed =
      run_command(binary() + " run " + cfg.string() +
                  " --quiet --resume --set noise[0].fraction=0.3 --set seed=5 -o " + out.string());
  INFO(changed.output);
  CHECK(changed.code == 2);
  CHECK(changed.output.find("noise[0].fraction") != std::string::npos);
  CHECK(changed.output.find("seed") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

#ifdef HOPFIELD_MPIRUN
namespace {
// OpenMPI does not free its own allocations at MPI_Finalize; in sanitizer builds LeakSanitizer
// would report them as the program's. Leak checking stays on for every other test.
std::string mpirun() {
  return "env ASAN_OPTIONS=detect_leaks=0 " + std::string(HOPFIELD_MPIRUN) + " -x ASAN_OPTIONS";
}
}  // namespace

TEST_CASE("mpirun -np 2 gives the same datasets as one process", "[config][cli][mpi]") {
  const fs::path dir = scratch("mpi");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const fs::path one = dir / "one.h5";
  const fs::path two = dir / "two.h5";
  REQUIRE(run_command(binary() + " run " + cfg.string() + " --quiet --threads 2 -o " + one.string())
              .code == 0);
  const auto r = run_command(mpirun() + " -np 2 " + binary() + " run " + cfg.string() +
                             " --quiet --threads 1 -o " + two.string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  require_same_results(one, two);
  // A refusal on rank 0 (existing file) stops every rank with exit 2.
  const auto again = run_command(mpirun() + " -np 2 " + binary() + " run " + cfg.string() +
                                 " --quiet -o " + two.string());
  CHECK(again.code == 2);
}
#endif
