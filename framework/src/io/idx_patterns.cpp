// `idx` patterns: selection by class, per-image binarisation.
#include "idx_patterns.hpp"

#include "hopfield/core/error.hpp"
#include "hopfield/io/idx_reader.hpp"
#include "input_path.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <set>

namespace hopfield::io {
namespace {

std::vector<int> read_classes(const config::Params& params) {
  std::vector<int> classes;
  for (double v : params.reals("classes")) {
    if (v != std::floor(v) || v < 0 || v > 255) {
      params.fail("classes", fmt::format("class labels are whole numbers 0..255, not {}", v));
    }
    classes.push_back(static_cast<int>(v));
  }
  return classes;
}

// +1 where the pixel is "on": above the image's mean (mean) or above half the range (half).
void binarize(std::span<const std::uint8_t> image, bool by_mean, Eigen::MatrixXf& out,
              Eigen::Index row) {
  double threshold = 127.5;
  if (by_mean) {
    const double sum = std::accumulate(image.begin(), image.end(), 0.0);
    threshold = image.empty() ? 0.0 : sum / static_cast<double>(image.size());
  }
  for (std::size_t i = 0; i < image.size(); ++i) {
    out(row, static_cast<Eigen::Index>(i)) = image[i] > threshold ? 1.0F : -1.0F;
  }
}

struct Selection {
  std::vector<std::size_t> indices;
  std::vector<int> labels;
};

Selection select_unlabelled(const config::Params& params, const IdxImages& images,
                            std::size_t per_class, std::size_t offset) {
  if (offset + per_class > images.count) {
    params.fail("per_class", fmt::format("'{}' has {} image(s), fewer than offset ({}) + "
                                         "per_class ({})",
                                         params.text("images"), images.count, offset, per_class));
  }
  Selection selection;
  for (std::size_t i = 0; i < per_class; ++i) selection.indices.push_back(offset + i);
  return selection;
}

Selection select_by_class(const config::Params& params, const std::vector<std::uint8_t>& labels,
                          std::vector<int> classes, std::size_t per_class, std::size_t offset) {
  if (classes.empty()) {
    const std::set<int> present(labels.begin(), labels.end());
    classes.assign(present.begin(), present.end());
  }
  Selection selection;
  for (int c : classes) {
    std::size_t seen = 0;
    std::size_t taken = 0;
    for (std::size_t i = 0; i < labels.size() && taken < per_class; ++i) {
      if (labels[i] != c) continue;
      if (seen++ >= offset) {
        selection.indices.push_back(i);
        selection.labels.push_back(c);
        ++taken;
      }
    }
    if (taken < per_class) {
      const auto total = static_cast<std::size_t>(
          std::count(labels.begin(), labels.end(), static_cast<std::uint8_t>(c)));
      const std::string message =
          fmt::format("class {} has {} image(s) in '{}', fewer than offset ({}) + per_class ({})",
                      c, total, params.text("labels"), offset, per_class);
      params.fail(total == 0 ? "classes" : "per_class", message);
    }
  }
  if (selection.indices.empty()) params.fail("labels", "the selection holds no images");
  return selection;
}

template <class Read>
auto read_or_fail(const config::Params& params, std::string_view key, Read&& read) {
  try {
    return read();
  } catch (const InputError& error) {
    params.fail(key, error.what());
  }
}

}  // namespace

IdxPatterns::IdxPatterns(Eigen::MatrixXf values, int rows, int cols, std::vector<int> labels)
    : values_(std::move(values)), shape_{rows, cols}, labels_(std::move(labels)) {
  if (values_.rows() < 1 || values_.cols() != static_cast<Eigen::Index>(rows) * cols) {
    throw Error("idx patterns: need at least one pattern of rows·cols values");
  }
  if (!labels_.empty() && static_cast<Eigen::Index>(labels_.size()) != values_.rows()) {
    throw Error("idx patterns: one label per pattern");
  }
}

PatternSet IdxPatterns::generate(const PatternContext& context, RandomStream& /*rng*/) const {
  if (context.neurons != 0 && context.neurons != values_.cols()) {
    throw InputError(
        fmt::format("idx patterns have {} neurons ({}×{} pixels), but the network "
                    "has {}",
                    values_.cols(), shape_[0], shape_[1], context.neurons));
  }
  PatternSet set;
  set.representation = context.representation;
  set.xi = to_representation(values_, context.representation);
  set.shape = shape_;
  set.labels = labels_;
  return set;
}

config::ModuleDoc IdxPatterns::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "patterns",
      .name = "idx",
      .help = "images from IDX files (MNIST, Fashion-MNIST), binarised per image",
      .params =
          {
              ParamSpec::text("images", "", "IDX image file (magic 0x00000803), plain or gzipped"),
              ParamSpec::text("labels", "", "IDX label file (magic 0x00000801) for `images`")
                  .make_optional(),
              ParamSpec::real_list("classes", "",
                                   "class labels to keep, in this order (default: every class "
                                   "present, ascending)")
                  .make_optional(),
              ParamSpec::integer("per_class", "1",
                                 "images per kept class: the first ones in file order")
                  .at_least(1),
              ParamSpec::integer("offset", "0", "images of each class skipped before the ones kept")
                  .at_least(0),
              ParamSpec::choice("binarize", "mean", {"mean", "half"},
                                "on = pixel above the image's mean, or above half the range "
                                "(pixel >= 128)"),
          },
      .notes =
          "Reads the files when the config is validated, so a missing or malformed file is an "
          "error at the `images` (or `labels`) key. A relative path is looked up first in the "
          "working directory, then beside the config file. With `labels`, the patterns are, "
          "for each class of `classes` in order, the images number offset .. "
          "offset+per_class-1 of that class in file order; without `labels`, the images "
          "offset .. offset+per_class-1 of the file. A class with too few images is an error. "
          "`offset` lets cues be *different* images of the same classes (a second `idx` source "
          "with a larger offset). The network has N = rows·cols neurons; the pattern shape is "
          "[rows, cols] and the labels are the class labels. `binarize: mean` is the "
          "threshold_mean rule of the popular Hopfield-on-MNIST tutorial (pixel > mean of that "
          "image); Debian's dataset-fashion-mnist package installs Fashion-MNIST under "
          "/usr/share/datasets/fashion-mnist/.",
  };
}

std::unique_ptr<PatternSource> IdxPatterns::make(const config::Params& params) {
  const std::string images_path =
      resolve_input_path(params.text("images"), params.at("images").location());
  const IdxImages images =
      read_or_fail(params, "images", [&] { return read_idx_images(images_path); });
  if (images.count == 0 || images.pixels_per_image() == 0) {
    params.fail("images", fmt::format("'{}' holds no pixels ({} images of {}×{})", images_path,
                                      images.count, images.rows, images.cols));
  }
  const auto per_class = static_cast<std::size_t>(params.integer("per_class"));
  const auto offset = static_cast<std::size_t>(params.integer("offset"));

  Selection selection;
  if (params.has("labels")) {
    const std::string labels_path =
        resolve_input_path(params.text("labels"), params.at("labels").location());
    const auto labels =
        read_or_fail(params, "labels", [&] { return read_idx_labels(labels_path); });
    if (labels.size() != images.count) {
      params.fail("labels", fmt::format("'{}' has {} labels but '{}' has {} images", labels_path,
                                        labels.size(), images_path, images.count));
    }
    std::vector<int> classes;
    if (params.has("classes")) classes = read_classes(params);
    selection = select_by_class(params, labels, std::move(classes), per_class, offset);
  } else {
    if (params.has("classes")) params.fail("classes", "selecting classes needs a `labels` file");
    selection = select_unlabelled(params, images, per_class, offset);
  }

  const bool by_mean = params.text("binarize") == "mean";
  Eigen::MatrixXf values(static_cast<Eigen::Index>(selection.indices.size()),
                         static_cast<Eigen::Index>(images.pixels_per_image()));
  for (std::size_t mu = 0; mu < selection.indices.size(); ++mu) {
    binarize(images.image(selection.indices[mu]), by_mean, values, static_cast<Eigen::Index>(mu));
  }
  return std::make_unique<IdxPatterns>(std::move(values), static_cast<int>(images.rows),
                                       static_cast<int>(images.cols), std::move(selection.labels));
}

}  // namespace hopfield::io
