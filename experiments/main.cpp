// The `hopfield` command line (DESIGN.md §7). Exit codes: 0 ok, 2 bad input (config, files,
// arguments, refused overwrite), 1 failure while running (an I/O error such as a full disk, a
// numerical error, an internal error; the journal is kept), 130 interrupted.
#include "hopfield/experiments/describe.hpp"
#include "hopfield/experiments/distribution.hpp"
#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/yaml_emitter.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <unistd.h>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>

namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int) {
  // A second signal stops at once.
  if (g_stop.exchange(true)) _exit(130);
}

int fail(int code, const std::string& message) {
  // Under mpirun every rank sees the same error; one report is enough.
  if (hopfield::mpi::rank() == 0) std::fprintf(stderr, "hopfield: %s\n", message.c_str());
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  const hopfield::mpi::Session mpi_session(argc, argv);
  CLI::App app{"hopfield: Hopfield-network experiments from YAML to HDF5"};
  app.require_subcommand(0, 1);
  app.set_version_flag(
      "--version", std::string("hopfield ") + HOPFIELD_VERSION + " (" + HOPFIELD_GIT_COMMIT + ")");

  std::string config_path;
  std::optional<std::string> output;
  std::vector<std::string> sets;
  int threads = 0;
  bool overwrite = false;
  bool resume = false;
  bool quiet = false;
  bool print = false;
  std::string family;
  std::string type;
  bool all = false;
  bool markdown = false;

  auto* run = app.add_subcommand("run", "run the experiment a config describes");
  run->add_option("config", config_path, "configuration file (YAML)")->required();
  run->add_option("-o,--output", output, "results file (overrides output.path)");
  run->add_option("--set", sets, "override a key: --set dynamics.type=sync (repeatable)")
      ->allow_extra_args(false);
  run->add_option("--threads", threads,
                  "threads (default: all cores); results do not depend "
                  "on it")
      ->check(CLI::NonNegativeNumber);
  run->add_flag("--overwrite", overwrite, "replace an existing results file (and journal)");
  run->add_flag("--resume", resume,
                "continue an interrupted run from <output>.journal; the result is identical to "
                "an uninterrupted run");
  run->add_flag("--quiet", quiet, "no progress on stderr");

  auto* validate = app.add_subcommand("validate", "check a config without running it");
  validate->add_option("config", config_path, "configuration file (YAML)")->required();
  validate->add_option("--set", sets, "override a key (repeatable)")->allow_extra_args(false);
  validate->add_flag("--print", print, "print the resolved configuration (defaults filled in)");

  auto* list = app.add_subcommand("list", "list module families and their modules");
  list->add_option("family", family, "only this family");

  auto* describe = app.add_subcommand("describe", "describe a module and its options");
  describe->add_option("type", type, "module name (e.g. hebbian, async, recall)");
  describe->add_flag("--all", all, "every module");
  describe->add_flag("--markdown", markdown, "Markdown (docs/config.md is this output)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    const auto registry = hopfield::make_registry();
    if (*run) {
      std::signal(SIGINT, on_signal);
      std::signal(SIGTERM, on_signal);
      // Past a file-size limit (ulimit -f) a write fails with EFBIG, reported as an I/O error
      // with the journal kept, instead of the default SIGXFSZ killing the process.
      std::signal(SIGXFSZ, SIG_IGN);
      const hopfield::Prepared prepared = hopfield::prepare(config_path, sets, output, *registry);
      const bool root = hopfield::mpi::rank() == 0;
      if (root)
        for (const auto& w : prepared.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
      if (root && !quiet)
        for (const auto& note : prepared.notes) std::fprintf(stderr, "%s\n", note.c_str());
      hopfield::RunOptions options;
      options.threads = threads;
      options.overwrite = overwrite;
      options.resume = resume;
      options.quiet = quiet || !root;
      options.stop = &g_stop;
      const auto outcome = hopfield::run_to_file(prepared, options);
      if (!root) return 0;
      // The headline, the wall time, then any per-point details the experiment gives.
      const std::string& summary = outcome.summary;
      const auto newline = summary.find('\n');
      std::cout << summary.substr(0, newline)
                << fmt::format("; wall time {:.2f} s.\n", outcome.seconds);
      if (newline != std::string::npos) std::cout << summary.substr(newline + 1) << "\n";
      std::cout << "results: " << prepared.output_path << "\n";
      return 0;
    }
    if (*validate) {
      const hopfield::Prepared prepared =
          hopfield::prepare(config_path, sets, std::nullopt, *registry);
      if (print) {
        std::cout << hopfield::io::to_yaml(prepared.root);
      } else {
        std::cout << config_path << ": ok (" << prepared.experiment_name << ", "
                  << prepared.models.front().network.neurons << " neurons, " << prepared.trials
                  << " trial(s))\n";
        for (const auto& note : prepared.notes) std::cout << note << "\n";
      }
      return 0;
    }
    if (*list) {
      std::cout << hopfield::list_modules(*registry, family);
      return 0;
    }
    if (*describe) {
      if (all) {
        std::cout << (markdown ? hopfield::config_reference(*registry)
                               : hopfield::list_modules(*registry));
        return 0;
      }
      if (type.empty()) return fail(2, "describe: give a module name or --all");
      const auto docs = registry->find_type(type);
      if (docs.empty()) {
        std::vector<std::string> names;
        for (const auto* f : registry->families())
          for (const auto& n : f->names()) names.push_back(n);
        std::string msg = "no module named '" + type + "'";
        const auto guess = hopfield::config::closest_match(type, names);
        if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
        return fail(2, msg + "; see `hopfield list`");
      }
      for (const auto* d : docs) std::cout << hopfield::describe_module(*d, markdown) << "\n";
      return 0;
    }
    std::cout << app.help();
    return 0;
  } catch (const hopfield::Interrupted&) {
    return fail(130,
                "interrupted; finished tasks are saved in the journal beside the output: run "
                "the same command with --resume to continue");
  } catch (const hopfield::ConfigError& e) {
    return fail(2, e.what());
  } catch (const hopfield::InputError& e) {
    return fail(2, e.what());
  } catch (const hopfield::IoError& e) {
    return fail(1, std::string("i/o error: ") + e.what());
  } catch (const hopfield::NumericalError& e) {
    return fail(1, std::string("numerical error: ") + e.what());
  } catch (const std::exception& e) {
    return fail(1, std::string("internal error: ") + e.what());
  }
}
