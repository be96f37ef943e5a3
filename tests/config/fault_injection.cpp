// Fault injection on the command line (docs/reliability.md): a full disk and an unwritable
// output directory are I/O errors (exit 1) that keep the journal, and --resume then ends with the
// results of an uninterrupted run; SIGTERM stops like SIGINT, a second signal stops at once;
// kill -9 at random moments, again and again, each time followed by --resume, loses nothing.
#include "cli_support.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <random>
#include <sstream>
#include <string>

using namespace cli;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The results of an uninterrupted run of resumable_config, computed once per test process.
const fs::path& reference_results() {
  static const fs::path path = [] {
    const fs::path dir = scratch("reference");
    write_file(dir / "sweep.yaml", resumable_config);
    const auto r = run_command(binary() + " run " + (dir / "sweep.yaml").string() +
                               " --quiet --threads 2 -o " + (dir / "full.h5").string());
    INFO(r.output);
    REQUIRE(r.code == 0);
    return dir / "full.h5";
  }();
  return path;
}

constexpr unsigned nobody = 65534;

/// Root ignores directory permissions: as root, commands run as `nobody` (setpriv, util-linux)
/// in a folder nobody owns, so that a read-only folder really refuses writes.
std::string unprivileged(const std::string& command, const fs::path& dir) {
  if (geteuid() != 0) return command;
  REQUIRE(chown(dir.c_str(), nobody, nobody) == 0);
  return "setpriv --reuid=" + std::to_string(nobody) + " --regid=" + std::to_string(nobody) +
         " --clear-groups " + command;
}

}  // namespace

TEST_CASE("a full disk at the final write is an i/o error that keeps the journal for --resume",
          "[config][cli][fault]") {
  const fs::path dir = scratch("full_disk");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const fs::path out = dir / "out.h5";
  // The results file is written as <out>.partial: pointing that name at /dev/full makes every
  // write of the HDF5 library fail with ENOSPC, as on a full file system.
  fs::create_symlink("/dev/full", out.string() + ".partial");
  const auto failed =
      run_command(binary() + " run " + cfg.string() + " --quiet --threads 2 -o " + out.string());
  INFO(failed.output);
  CHECK(failed.code == 1);
  CHECK(contains(failed.output, "i/o error"));
  CHECK(contains(failed.output, "--resume"));
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::is_symlink(out.string() + ".partial"));  // the failed file is removed
  REQUIRE(fs::exists(out.string() + ".journal"));

  const auto resumed = run_command(binary() + " run " + cfg.string() +
                                   " --quiet --resume --threads 1 -o " + out.string());
  INFO(resumed.output);
  REQUIRE(resumed.code == 0);
  CHECK_FALSE(fs::exists(out.string() + ".journal"));
  require_same_results(reference_results(), out);
}

// Not in the ThreadSanitizer build: under a file-size limit of a few hundred KiB its runtime
// faults (SIGBUS in TSan's own shadow accesses while LLVM's libomp starts up), before any of our
// code writes; with a 100 MB limit the same run is fine. The other builds run it.
#ifndef HOPFIELD_TEST_TSAN
TEST_CASE("a disk that fills up during the run is an i/o error; --resume completes the run",
          "[config][cli][fault]") {
  const fs::path dir = scratch("fills_up");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const fs::path out = dir / "out.h5";
  // A file-size limit (ulimit -f, in KiB) makes the journal's writes fail part-way (EFBIG) a
  // few tasks into the run: a torn last record, as when the disk fills up.
  const auto failed = run_command("bash -c 'ulimit -f 200; exec " + binary() + " run " +
                                  cfg.string() + " --quiet --threads 2 -o " + out.string() + "'");
  INFO(failed.output);
  CHECK(failed.code == 1);
  CHECK(contains(failed.output, "i/o error: cannot write journal"));
  CHECK(contains(failed.output, "--resume"));
  CHECK_FALSE(fs::exists(out));
  REQUIRE(fs::exists(out.string() + ".journal"));
  CHECK(fs::file_size(out.string() + ".journal") <= 200 * 1024);

  const auto resumed = run_command(binary() + " run " + cfg.string() +
                                   " --quiet --resume --threads 2 -o " + out.string());
  INFO(resumed.output);
  REQUIRE(resumed.code == 0);
  require_same_results(reference_results(), out);
}
#endif  // !HOPFIELD_TEST_TSAN

TEST_CASE("an unwritable output directory is refused before any work", "[config][cli][fault]") {
  const fs::path dir = scratch("unwritable");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const fs::path locked = dir / "locked";
  fs::create_directories(locked);
  const std::string command = unprivileged(
      binary() + " run " + cfg.string() + " --quiet -o " + (locked / "out.h5").string(), dir);
  REQUIRE(chmod(locked.c_str(), 0555) == 0);
  const auto r = run_command(command);
  REQUIRE(chmod(locked.c_str(), 0755) == 0);
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(contains(r.output, "i/o error: cannot write in directory"));
  CHECK(fs::is_empty(locked));
}

TEST_CASE("a directory that becomes unwritable during the run keeps the journal for --resume",
          "[config][cli][fault]") {
  const fs::path dir = scratch("locked_later");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const fs::path out_dir = dir / "out";
  fs::create_directories(out_dir);
  const fs::path out = out_dir / "out.h5";
  const fs::path journal = out.string() + ".journal";
  const std::string command = unprivileged(
      binary() + " run " + cfg.string() + " --quiet --threads 1 -o " + out.string(), dir);
  REQUIRE(chown(out_dir.c_str(), geteuid() == 0 ? nobody : geteuid(),
                geteuid() == 0 ? nobody : getegid()) == 0);
  // Lock the folder as soon as the journal is open: the tasks go on (the journal is open), the
  // results file cannot be created at the end.
  write_file(dir / "lock.sh", command + " &\npid=$!\nfor i in $(seq 1 600); do [ -s '" +
                                  journal.string() + "' ] && break; sleep 0.05; done\nchmod 555 '" +
                                  out_dir.string() + "'\nwait $pid\n");
  const auto failed = run_command("bash " + (dir / "lock.sh").string());
  REQUIRE(chmod(out_dir.c_str(), 0755) == 0);
  INFO(failed.output);
  REQUIRE(failed.code == 1);
  CHECK(contains(failed.output, "i/o error"));
  CHECK(contains(failed.output, "--resume"));
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(out.string() + ".partial"));
  REQUIRE(fs::exists(journal));

  const auto resumed = run_command(unprivileged(
      binary() + " run " + cfg.string() + " --quiet --resume -o " + out.string(), dir));
  INFO(resumed.output);
  REQUIRE(resumed.code == 0);
  require_same_results(reference_results(), out);
}

TEST_CASE("SIGTERM stops like SIGINT: exit 130, journal flushed, --resume completes",
          "[config][cli][fault][resume]") {
  const fs::path dir = scratch("sigterm");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const fs::path out = dir / "out.h5";
  const fs::path journal = out.string() + ".journal";
  const auto stopped = interrupt_after_journal(
      binary() + " run " + cfg.string() + " --quiet --threads 2 -o " + out.string(), journal,
      "TERM");
  INFO(stopped.output);
  if (stopped.code == 0) return;  // finished before the signal: nothing to resume
  REQUIRE(stopped.code == 130);
  CHECK(contains(stopped.output, "--resume"));
  CHECK_FALSE(fs::exists(out));
  REQUIRE(fs::exists(journal));
  const auto resumed =
      run_command(binary() + " run " + cfg.string() + " --quiet --resume -o " + out.string());
  INFO(resumed.output);
  REQUIRE(resumed.code == 0);
  require_same_results(reference_results(), out);
}

TEST_CASE("a second signal stops at once, without waiting for the task in progress",
          "[config][cli][fault]") {
  const fs::path dir = scratch("second_signal");
  const fs::path cfg = dir / "long.yaml";
  // One task of minutes (one probe, millions of sweeps) that checks for a stop only between
  // tasks: the first signal waits for it, the second must not.
  write_file(cfg,
             "experiment: {type: thermal, probes: 1}\n"
             "network: {neurons: 300}\n"
             "patterns: {type: random, count: 1}\n"
             "dynamics: {type: glauber, temperature: 0.5, burn_in: 0, measure_sweeps: 20000000}\n");
  const fs::path out = dir / "out.h5";
  const fs::path journal = out.string() + ".journal";
  write_file(dir / "signals.sh",
             binary() + " run " + cfg.string() + " --quiet --threads 1 -o " + out.string() +
                 " &\npid=$!\nfor i in $(seq 1 600); do [ -s '" + journal.string() +
                 "' ] && break; sleep 0.05; done\nsleep 0.5\nkill -TERM $pid\nsleep 1\n"
                 "kill -0 $pid && echo 'alive after the first signal'\nkill -INT $pid\n"
                 "for i in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done\n"
                 "if kill -0 $pid 2>/dev/null; then echo 'still running'; kill -KILL $pid; fi\n"
                 "wait $pid\n");
  const auto r = run_command("bash " + (dir / "signals.sh").string());
  INFO(r.output);
  CHECK(contains(r.output, "alive after the first signal"));
  CHECK_FALSE(contains(r.output, "still running"));
  CHECK(r.code == 130);
  CHECK_FALSE(fs::exists(out));
  CHECK(fs::exists(journal));
}

TEST_CASE("kill -9 at random moments, again and again, then --resume loses nothing",
          "[config][cli][fault][resume]") {
  const fs::path dir = scratch("kill_chain");
  const fs::path cfg = dir / "sweep.yaml";
  write_file(cfg, resumable_config);
  const auto seed = std::random_device{}();
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> moment(0.0, 1.0);
  INFO("random seed " << seed);
  int kills = 0;
  int early_kills = 0;
  int resumed_runs = 0;
  for (int chain = 0; chain < 3; ++chain) {
    const fs::path out = dir / ("chain_" + std::to_string(chain) + ".h5");
    const std::string journal = out.string() + ".journal";
    bool finished = false;
    for (int attempt = 0; attempt < 30 && !finished; ++attempt) {
      // One kill in four lands in the start-up (loading, validating, reading and opening the
      // journal); the others at a random moment after the run has journaled a new record,
      // wherever it then is (inside a task, appending a record, writing the results file), so
      // every chain makes progress whatever the machine's load. --resume also starts a run
      // that has no journal yet; the thread count alternates.
      const bool early = moment(random) < 0.25;
      std::ostringstream delay;
      delay << (early ? 0.3 : 0.8) * moment(random);
      const std::string run = binary() + " run " + cfg.string() + " --quiet --resume --threads " +
                              std::to_string(1 + attempt % 2) + " -o " + out.string();
      const std::string size = "$(stat -c %s '" + journal + "' 2>/dev/null || echo 0)";
      const std::string wait_record =
          early ? ""
                : "for i in $(seq 1 6000); do [ " + size +
                      " -gt $before ] && break; kill -0 $pid 2>/dev/null || break; sleep 0.01; "
                      "done\n";
      write_file(dir / "kill.sh", "before=" + size + "\n" + run + " &\npid=$!\n" + wait_record +
                                      "sleep " + delay.str() +
                                      "\nkill -KILL $pid 2>/dev/null\nwait $pid\n");
      const auto r = run_command("bash " + (dir / "kill.sh").string());
      INFO("chain " << chain << " attempt " << attempt << (early ? " (start-up)" : "")
                    << " killed after " << delay.str() << " s: " << r.output);
      if (r.code == 0) {
        finished = true;
        resumed_runs += attempt > 0 ? 1 : 0;
        break;
      }
      REQUIRE(r.code == 137);
      CHECK_FALSE(fs::exists(out));
      ++kills;
      early_kills += early ? 1 : 0;
    }
    if (!finished) {
      const auto r =
          run_command(binary() + " run " + cfg.string() + " --quiet --resume -o " + out.string());
      INFO(r.output);
      REQUIRE(r.code == 0);
    }
    CHECK_FALSE(fs::exists(journal));
    require_same_results(reference_results(), out);
  }
  WARN("kill -9 chains: " << kills << " kills (" << early_kills << " during start-up), "
                          << resumed_runs << " of 3 chains finished by a resumed run; all results "
                          << "identical to the uninterrupted run");
  CHECK(kills >= 3);
}
