// The CLI contract: every bad config in tests/config/bad/ is refused with exit code 2 and the
// documented message (its "# expect:" line), and leaves no results file; overwrite refusal;
// a killed run leaves nothing under the final name; --set and validate --print.
#include "hopfield/io/results_writer.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct CommandResult {
  int code = -1;
  std::string output;
};

CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) r.output += buffer.data();
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

std::string binary() {
  return std::string(HOPFIELD_BINARY);
}

fs::path scratch(const std::string& name) {
  // Per process: test runs from several checkouts at once must not share scratch files.
  const fs::path dir = fs::temp_directory_path() /
                       ("hopfield_config_tests_" + std::to_string(getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string expected_fragment(const fs::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  const std::string tag = "# expect: ";
  REQUIRE(first.rfind(tag, 0) == 0);
  return first.substr(tag.size());
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

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
  }
  CHECK(files >= 25);
}

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

namespace {

const char* resumable_config =
    "network: {neurons: 1200}\n"
    "patterns: {type: random, alpha: 0.1}\n"
    "noise: [{type: flip, fraction: 0.2}]\n"
    "measure: [overlap, max_overlap, hamming, energy, energy_trace, sweeps, converged]\n"
    "sweep: {trials: 8, grid: {patterns.alpha: [0.08, 0.14]}}\n";

/// Starts a run, waits until its journal exists (so the signal cannot arrive during start-up,
/// whatever the machine's load), lets it work a little, then sends SIGINT.
CommandResult interrupt_after_journal(const std::string& command, const fs::path& journal) {
  const fs::path script = journal.parent_path() / "interrupt.sh";
  write_file(script, command + " &\npid=$!\nfor i in $(seq 1 600); do [ -s '" + journal.string() +
                         "' ] && break; sleep 0.05; done\nsleep 0.3\nkill -INT $pid\nwait $pid\n");
  return run_command("bash " + script.string());
}

void require_same_results(const fs::path& a_path, const fs::path& b_path) {
  const auto a = hopfield::io::read_results(a_path.string());
  const auto b = hopfield::io::read_results(b_path.string());
  REQUIRE(a.datasets.size() == b.datasets.size());
  for (const auto& x : a.datasets) {
    const auto* y = b.find(x.path);
    INFO(x.path);
    REQUIRE(y != nullptr);
    CHECK(x.shape == y->shape);
    CHECK(x.i64 == y->i64);
    CHECK(x.text == y->text);
    REQUIRE(x.f64.size() == y->f64.size());
    CHECK((x.f64.empty() ||
           std::memcmp(x.f64.data(), y->f64.data(), x.f64.size() * sizeof(double)) == 0));
  }
  for (const auto& [name, value] : a.text_attributes) {
    if (name == "created" || name == "config") continue;  // config holds output.path
    const auto* other = b.text_attribute(name);
    INFO(name);
    REQUIRE(other != nullptr);
    CHECK(*other == value);
  }
}

}  // namespace

TEST_CASE("kill -9 at several moments then --resume gives the uninterrupted results",
          "[config][cli][resume]") {
  const fs::path dir = scratch("resume");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const fs::path full = dir / "full.h5";
  REQUIRE(
      run_command(binary() + " run " + cfg.string() + " --quiet --threads 2 -o " + full.string())
          .code == 0);
  for (const char* delay : {"0.2", "0.6", "1.2"}) {
    INFO("killed after " << delay << " s");
    const fs::path out = dir / (std::string("killed_") + delay + ".h5");
    const auto killed =
        run_command("timeout -s KILL " + std::string(delay) + " " + binary() + " run " +
                    cfg.string() + " --quiet --threads 1 -o " + out.string());
    if (killed.code == 0) continue;  // finished before the kill: nothing to resume
    CHECK_FALSE(fs::exists(out));
    const auto resumed = run_command(binary() + " run " + cfg.string() +
                                     " --quiet --resume --threads 2 -o " + out.string());
    INFO(resumed.output);
    REQUIRE(resumed.code == 0);
    CHECK_FALSE(fs::exists(out.string() + ".journal"));
    require_same_results(full, out);
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
