// `hdf5` patterns: a (P, N) slice of a stored dataset, checked value by value.
#include "hdf5_patterns.hpp"

#include "hopfield/core/error.hpp"
#include "hopfield/core/memory.hpp"
#include "hopfield/io/hdf5_file.hpp"
#include "input_path.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace hopfield::io {
namespace {

/// Number of stored patterns of (point, trial) from /results/patterns_stored, or -1 if absent.
std::int64_t stored_count(const Hdf5File& file, std::size_t point, std::size_t trial) {
  try {
    if (file.kind("/results") != Hdf5File::ObjectKind::group ||
        file.kind("/results/patterns_stored") != Hdf5File::ObjectKind::dataset) {
      return -1;
    }
  } catch (const IoError&) {
    return -1;
  }
  const auto info = file.dataset_info("/results/patterns_stored");
  if (info.shape.size() != 2 || point >= info.shape[0] || trial >= info.shape[1] ||
      info.element == Hdf5File::Element::text || info.element == Hdf5File::Element::other) {
    return -1;
  }
  // One element: the dataset may be large (or a fill value only) in a hostile file.
  return file.read_block<std::int64_t>("/results/patterns_stored", {point, trial}, {1, 1})[0];
}

}  // namespace

Hdf5Patterns::Hdf5Patterns(Eigen::MatrixXf values) : values_(std::move(values)) {
  if (values_.rows() < 1 || values_.cols() < 1) {
    throw Error("hdf5 patterns: need at least one pattern of at least one neuron");
  }
}

PatternSet Hdf5Patterns::generate(const PatternContext& context, RandomStream& /*rng*/) const {
  if (context.neurons != 0 && context.neurons != values_.cols()) {
    throw InputError(fmt::format("hdf5 patterns have {} neurons, but the network has {}",
                                 values_.cols(), context.neurons));
  }
  PatternSet set;
  set.representation = context.representation;
  set.xi = to_representation(values_, context.representation);
  return set;
}

config::ModuleDoc Hdf5Patterns::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "patterns",
      .name = "hdf5",
      .help = "patterns read from an HDF5 dataset, e.g. /patterns/xi of an earlier run",
      .params =
          {
              ParamSpec::text("file", "", "HDF5 file"),
              ParamSpec::text("dataset", "/patterns/xi",
                              "dataset of shape (P, N) or (points, trials, P, N)"),
              ParamSpec::integer("point", "0", "sweep point to take from a 4-D dataset")
                  .at_least(0),
              ParamSpec::integer("trial", "0", "trial to take from a 4-D dataset").at_least(0),
              ParamSpec::integer("count", "",
                                 "take only the first count patterns (default: all; for a "
                                 "4-D dataset, /results/patterns_stored of that point and "
                                 "trial when the file has it)")
                  .at_least(1)
                  .make_optional(),
          },
      .notes =
          "Reads the file when the config is validated, so a missing file or dataset, a bad "
          "shape or a bad value is an error at the key concerned. A relative path is looked up "
          "in the working directory, then beside the config file. A 2-D dataset is (P, N); a "
          "4-D one is (points, trials, P, N), the layout of `/patterns/xi` written by `hopfield "
          "run` with `output.save: [patterns]`, and `point` and `trial` select the slice. "
          "Because such datasets are padded with −1 to the largest P, the real P is taken from "
          "`/results/patterns_stored` of the same file when present (or give `count`). Values "
          "must be 0/1 or −1/+1 throughout (one convention per dataset); on = 1, off = 0 or −1, "
          "converted to the network's representation. The network has N neurons. Loaded "
          "patterns carry no activity, so overlaps are unnormalised.",
  };
}

std::unique_ptr<PatternSource> Hdf5Patterns::make(const config::Params& params) {
  const std::string path = resolve_input_path(params.text("file"), params.at("file").location());
  const std::string dataset = params.text("dataset");
  if (!std::filesystem::exists(path)) params.fail("file", fmt::format("no such file '{}'", path));
  std::vector<double> data;
  std::size_t p = 0;
  std::size_t n = 0;
  const auto point = static_cast<std::size_t>(params.integer("point"));
  const auto trial = static_cast<std::size_t>(params.integer("trial"));
  try {
    const Hdf5File file = Hdf5File::open_read_only(path);
    bool found = false;
    try {
      found = file.kind(dataset) == Hdf5File::ObjectKind::dataset;
    } catch (const IoError&) {
      found = false;
    }
    if (!found) params.fail("dataset", fmt::format("'{}' has no dataset '{}'", path, dataset));
    const auto info = file.dataset_info(dataset);
    const std::vector<std::size_t>& shape = info.shape;
    if (info.element == Hdf5File::Element::other || info.element == Hdf5File::Element::text) {
      params.fail("dataset", fmt::format("'{}' in '{}' is not numeric", dataset, path));
    }
    std::vector<std::size_t> start;
    if (shape.size() == 2) {
      if (params.integer("point") != 0 || params.integer("trial") != 0) {
        params.fail("point", "point and trial apply to a 4-D dataset (points, trials, P, N)");
      }
      p = shape[0];
      n = shape[1];
      start = {0, 0};
    } else if (shape.size() == 4) {
      if (point >= shape[0]) {
        params.fail("point", fmt::format("dataset has {} point(s)", shape[0]));
      }
      if (trial >= shape[1]) {
        params.fail("trial", fmt::format("dataset has {} trial(s)", shape[1]));
      }
      p = shape[2];
      n = shape[3];
      start = {point, trial, 0, 0};
      const std::int64_t stored = stored_count(file, point, trial);
      if (stored >= 0 && static_cast<std::size_t>(stored) <= p) {
        p = static_cast<std::size_t>(stored);
      }
    } else {
      params.fail("dataset",
                  fmt::format("'{}' has rank {}; expected (P, N) or (points, trials, P, N)",
                              dataset, shape.size()));
    }
    if (params.has("count")) {
      const auto want = static_cast<std::size_t>(params.integer("count"));
      if (want > p) params.fail("count", fmt::format("the dataset holds only {} pattern(s)", p));
      p = want;
    }
    if (p == 0 || n == 0) {
      params.fail("dataset", fmt::format("'{}' holds no patterns ({} × {})", dataset, p, n));
    }
    // Read only this slice, and only if it fits: a small file can declare a huge dataset that
    // holds nothing but its fill value.
    const double need = static_cast<double>(p) * static_cast<double>(n) * (8.0 + 4.0);
    const MemoryBudget budget = memory_budget();
    if (budget.bytes > 0.0 && need > 0.8 * budget.bytes) {
      params.fail("dataset", fmt::format("'{}' holds {} × {} patterns; reading them needs about "
                                         "{:.1f} GiB but {} {:.1f} GiB of memory",
                                         dataset, p, n, need / 1073741824.0, budget.source,
                                         budget.bytes / 1073741824.0));
    }
    std::vector<std::size_t> count(start.size(), 1);
    count[count.size() - 2] = p;
    count[count.size() - 1] = n;
    data = file.read_block<double>(dataset, start, count);
  } catch (const IoError& error) {
    params.fail("file", error.what());
  } catch (const InputError& error) {  // not an HDF5 file
    params.fail("file", error.what());
  }
  bool has_zero = false;
  bool has_minus = false;
  Eigen::MatrixXf values(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(n));
  for (std::size_t mu = 0; mu < p; ++mu) {
    for (std::size_t i = 0; i < n; ++i) {
      const double v = data[mu * n + i];
      if (v != 0.0 && v != 1.0 && v != -1.0) {
        params.fail("dataset", fmt::format("'{}' pattern {} neuron {} is {}; values must be 0/1 "
                                           "or -1/+1",
                                           dataset, mu, i, v));
      }
      has_zero = has_zero || v == 0.0;
      has_minus = has_minus || v == -1.0;
      values(static_cast<Eigen::Index>(mu), static_cast<Eigen::Index>(i)) = v > 0.0 ? 1.0F : -1.0F;
    }
  }
  if (has_zero && has_minus) {
    params.fail("dataset", fmt::format("'{}' mixes 0 and -1 values; use 0/1 or -1/+1 throughout "
                                       "(padding? give count)",
                                       dataset));
  }
  return std::make_unique<Hdf5Patterns>(std::move(values));
}

}  // namespace hopfield::io
