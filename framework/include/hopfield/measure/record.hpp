// The in-memory record of an experiment: named datasets with shape, dimension names,
// description and unit, plus root attributes. Measures write here; io turns it into HDF5
// (NEST-style: recording is a backend separate from the model).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hopfield {

enum class DType { f64, i64, i8, u64, text };

struct Dataset {
  std::string path;  ///< "/results/overlap"
  DType dtype = DType::f64;
  std::vector<std::size_t> shape;
  std::vector<std::string> dims;  ///< one name per dimension ("point", "trial", "probe", …)
  std::string description;
  std::string unit;
  std::vector<double> f64;  ///< data for f64, row-major
  std::vector<std::int64_t> i64;
  std::vector<std::int8_t> i8;
  std::vector<std::uint64_t> u64;
  std::vector<std::string> text;  ///< data for text (variable-length UTF-8 strings)
  /// Extra integer attributes written on the dataset (e.g. `neurons` of bit-packed states).
  std::vector<std::pair<std::string, std::int64_t>> integer_attributes = {};

  [[nodiscard]] std::size_t elements() const;
  /// Allocates storage for the shape, filled with NaN (f64) or −1 (integers) as padding.
  void allocate();
};

struct Record {
  std::vector<std::pair<std::string, std::string>> text_attributes;
  std::vector<std::pair<std::string, std::int64_t>> integer_attributes;
  /// A deque: references returned by add() stay valid while more datasets are added.
  std::deque<Dataset> datasets;

  Dataset& add(std::string path, DType dtype, std::vector<std::size_t> shape,
               std::vector<std::string> dims, std::string description, std::string unit = "");
  [[nodiscard]] const Dataset* find(std::string_view path) const;
  [[nodiscard]] Dataset* find(std::string_view path);
  void set_attribute(std::string name, std::string value);
  void set_attribute(std::string name, std::int64_t value);
  [[nodiscard]] const std::string* text_attribute(std::string_view name) const;
};

}  // namespace hopfield
