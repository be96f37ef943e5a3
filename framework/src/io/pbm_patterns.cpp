// `pbm` patterns: a directory (or list) of bitmaps.
#include "pbm_patterns.hpp"

#include "hopfield/core/error.hpp"
#include "hopfield/io/pbm_reader.hpp"
#include "input_path.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace hopfield::io {
namespace {

namespace fs = std::filesystem;

bool has_pbm_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".pbm";
}

// The files to read and the key their errors are reported at.
std::vector<std::string> list_files(const config::Params& params, std::string& key) {
  std::string directory;
  if (params.has("directory")) {
    directory = resolve_input_path(params.text("directory"), params.at("directory").location());
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
      params.fail("directory", fmt::format("no such directory '{}'", directory));
    }
  }
  std::vector<std::string> files;
  if (params.has("files")) {
    key = "files";
    const config::Node& node = params.at("files");
    std::vector<const config::Node*> items;
    if (node.is_scalar()) {
      items.push_back(&node);
    } else if (node.is_sequence() && !node.items().empty()) {
      for (const auto& item : node.items()) items.push_back(&item);
    } else {
      node.fail("expected a file name or a non-empty list of file names");
    }
    for (const config::Node* item : items) {
      if (!item->is_scalar()) item->fail("expected a file name");
      files.push_back(directory.empty() ? resolve_input_path(item->text(), item->location())
                                        : (fs::path(directory) / item->text()).string());
    }
    return files;
  }
  if (directory.empty()) {
    params.fail("directory", "pbm patterns need a `directory` or a list of `files`");
  }
  key = "directory";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    if (entry.is_regular_file() && has_pbm_extension(entry.path())) {
      files.push_back(entry.path().string());
    }
  }
  if (ec) params.fail("directory", fmt::format("cannot list '{}': {}", directory, ec.message()));
  std::sort(files.begin(), files.end());
  if (files.empty()) params.fail("directory", fmt::format("no .pbm files in '{}'", directory));
  return files;
}

}  // namespace

PbmPatterns::PbmPatterns(Eigen::MatrixXf values, int height, int width)
    : values_(std::move(values)), shape_{height, width} {
  if (values_.rows() < 1 || values_.cols() != static_cast<Eigen::Index>(height) * width) {
    throw Error("pbm patterns: need at least one pattern of height·width values");
  }
}

PatternSet PbmPatterns::generate(const PatternContext& context, RandomStream& /*rng*/) const {
  if (context.neurons != 0 && context.neurons != values_.cols()) {
    throw InputError(
        fmt::format("pbm patterns have {} neurons ({}×{} pixels), but the network "
                    "has {}",
                    values_.cols(), shape_[0], shape_[1], context.neurons));
  }
  PatternSet set;
  set.representation = context.representation;
  set.xi = to_representation(values_, context.representation);
  set.shape = shape_;
  return set;
}

config::ModuleDoc PbmPatterns::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "patterns",
      .name = "pbm",
      .help = "one pattern per netpbm bitmap (P1 or P4), black = on",
      .params =
          {
              ParamSpec::text("directory", "",
                              "directory whose *.pbm files are the patterns, in name order")
                  .make_optional(),
              ParamSpec::any("files",
                             "list of .pbm files (relative to `directory` if given), in this "
                             "order; instead of taking every file of the directory"),
              ParamSpec::boolean("invert", "false", "white = on instead of black = on"),
          },
      .notes =
          "Give `directory` (every .pbm file in it, sorted by name), `files` (a list), or both "
          "(the listed files inside the directory). Every bitmap must have the same size, which "
          "fixes N = height·width; the pattern shape is [height, width]. A relative path is "
          "looked up first in the working directory, then beside the config file. The files are "
          "read when the config is validated, so a missing, malformed or odd-sized bitmap is an "
          "error at the `directory` or `files` key.",
  };
}

std::unique_ptr<PatternSource> PbmPatterns::make(const config::Params& params) {
  std::string key = "directory";
  const std::vector<std::string> files = list_files(params, key);
  const bool invert = params.flag("invert");
  std::vector<Bitmap> bitmaps;
  for (const auto& file : files) {
    try {
      bitmaps.push_back(read_pbm(file));
    } catch (const InputError& error) {
      params.fail(key, error.what());
    }
    const Bitmap& first = bitmaps.front();
    const Bitmap& last = bitmaps.back();
    if (last.width != first.width || last.height != first.height) {
      params.fail(key, fmt::format("'{}' is {}×{} (width×height) but '{}' is {}×{}; all bitmaps "
                                   "must be the same size",
                                   file, last.width, last.height, files.front(), first.width,
                                   first.height));
    }
  }
  const Bitmap& first = bitmaps.front();
  Eigen::MatrixXf values(static_cast<Eigen::Index>(bitmaps.size()),
                         static_cast<Eigen::Index>(first.bits.size()));
  for (std::size_t mu = 0; mu < bitmaps.size(); ++mu) {
    const auto& bits = bitmaps[mu].bits;
    for (std::size_t i = 0; i < bits.size(); ++i) {
      const bool on = (bits[i] != 0) != invert;
      values(static_cast<Eigen::Index>(mu), static_cast<Eigen::Index>(i)) = on ? 1.0F : -1.0F;
    }
  }
  return std::make_unique<PbmPatterns>(std::move(values), first.height, first.width);
}

}  // namespace hopfield::io
