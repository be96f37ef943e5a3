#include "inline_patterns.hpp"

#include "hopfield/core/error.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace hopfield {

namespace {

/// Reads one pattern value: 1 is on, 0 and −1 are off; anything else fails at the value.
float read_value(const config::Node& value) {
  if (value.is_scalar() && value.is_real()) {
    const double v = value.as_real();
    if (v == 1.0 || v == 0.0 || v == -1.0) {
      return static_cast<float>(v);
    }
  }
  const std::string shown = value.is_scalar() ? "'" + value.text() + "'" : "a non-scalar";
  value.fail("pattern value " + shown + " is not 0, 1 or -1 (rows are 0/1 or -1/+1)");
}

Eigen::MatrixXf read_rows(const config::Node& rows) {
  if (!rows.is_sequence() || rows.items().empty()) {
    rows.fail("rows must be a non-empty list of patterns, each a list of 0/1 or -1/+1 values");
  }
  const auto& items = rows.items();
  const config::Node& first = items.front();
  if (!first.is_sequence() || first.items().empty()) {
    first.fail("a pattern must be a non-empty list of 0/1 or -1/+1 values");
  }
  const auto n = static_cast<Eigen::Index>(first.items().size());
  Eigen::MatrixXf values(static_cast<Eigen::Index>(items.size()), n);
  for (Eigen::Index mu = 0; mu < values.rows(); ++mu) {
    const config::Node& row = items[static_cast<std::size_t>(mu)];
    if (!row.is_sequence()) {
      row.fail("a pattern must be a list of 0/1 or -1/+1 values");
    }
    if (static_cast<Eigen::Index>(row.items().size()) != n) {
      row.fail("pattern has " + std::to_string(row.items().size()) + " values, but the first has " +
               std::to_string(n) + "; all rows must be the same length");
    }
    for (Eigen::Index i = 0; i < n; ++i) {
      values(mu, i) = read_value(row.items()[static_cast<std::size_t>(i)]);
    }
  }
  return values;
}

/// A real_list option whose values must be whole numbers (≥ min).
std::vector<int> read_integers(const config::Params& params, std::string_view key, int min) {
  std::vector<int> out;
  for (double v : params.reals(key)) {
    if (v != std::floor(v) || v < min || v > 2147483647.0) {
      params.fail(key, "values must be whole numbers >= " + std::to_string(min));
    }
    out.push_back(static_cast<int>(v));
  }
  return out;
}

}  // namespace

InlinePatterns::InlinePatterns(Eigen::MatrixXf values, std::vector<int> shape,
                               std::vector<int> labels)
    : values_(std::move(values)), shape_(std::move(shape)), labels_(std::move(labels)) {
  if (values_.rows() < 1 || values_.cols() < 1) {
    throw Error("inline patterns: need at least one pattern of at least one neuron");
  }
  for (Eigen::Index k = 0; k < values_.size(); ++k) {
    const float v = values_.data()[k];
    if (v != 1.0F && v != 0.0F && v != -1.0F) {
      throw Error("inline patterns: values must be 0, 1 or -1");
    }
  }
  if (!shape_.empty()) {
    if (shape_.size() != 2 || shape_[0] < 1 || shape_[1] < 1 ||
        static_cast<Eigen::Index>(shape_[0]) * shape_[1] != values_.cols()) {
      throw Error("inline patterns: shape must be [rows, cols] with rows*cols = pattern length");
    }
  }
  if (!labels_.empty() && static_cast<Eigen::Index>(labels_.size()) != values_.rows()) {
    throw Error("inline patterns: one label per pattern");
  }
}

PatternSet InlinePatterns::generate(const PatternContext& context, RandomStream& /*rng*/) const {
  if (context.neurons != 0 && context.neurons != values_.cols()) {
    throw InputError("inline patterns have " + std::to_string(values_.cols()) +
                     " neurons, but the network has " + std::to_string(context.neurons));
  }
  PatternSet set;
  set.representation = context.representation;
  set.xi = to_representation(values_, context.representation);
  set.shape = shape_;
  set.labels = labels_;
  return set;
}

config::ModuleDoc InlinePatterns::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "patterns",
      .name = "inline",
      .help = "patterns written out in the config, one list of 0/1 or -1/+1 values per pattern",
      .params =
          {
              ParamSpec::any("rows", "the patterns: a list of equally long lists of 0/1 or -1/+1"),
              ParamSpec::real_list("shape", "", "display shape [rows, cols] of one pattern")
                  .make_optional(),
              ParamSpec::real_list("labels", "", "one integer class label per pattern")
                  .make_optional(),
          },
      .notes =
          "Each row is one pattern; all rows have the same length, which fixes the "
          "network's N. A value 1 means on, 0 or -1 means off, so rows may be written in "
          "either representation and are converted to the network's (a 0/1 row in a "
          "bipolar network becomes -1/+1). Any other value is an error at that value. "
          "`shape: [r, c]` (r·c = row length) is the display shape used by plots; `labels` "
          "gives one integer label per pattern.",
  };
}

std::unique_ptr<PatternSource> InlinePatterns::make(const config::Params& params) {
  Eigen::MatrixXf values = read_rows(params.at("rows"));
  std::vector<int> shape;
  if (params.has("shape")) {
    shape = read_integers(params, "shape", 1);
    if (shape.size() != 2) {
      params.fail("shape", "shape must be [rows, cols]");
    }
    const auto cells = static_cast<std::int64_t>(shape[0]) * shape[1];
    if (cells != values.cols()) {
      params.fail("shape", "shape " + std::to_string(shape[0]) + "x" + std::to_string(shape[1]) +
                               " has " + std::to_string(cells) + " cells, but each pattern has " +
                               std::to_string(values.cols()) + " values");
    }
  }
  std::vector<int> labels;
  if (params.has("labels")) {
    labels = read_integers(params, "labels", std::numeric_limits<int>::min());
    if (static_cast<Eigen::Index>(labels.size()) != values.rows()) {
      params.fail("labels", "give one label per pattern (" + std::to_string(values.rows()) +
                                " patterns, " + std::to_string(labels.size()) + " labels)");
    }
  }
  return std::make_unique<InlinePatterns>(std::move(values), std::move(shape), std::move(labels));
}

}  // namespace hopfield
