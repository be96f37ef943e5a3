#include "hopfield/measure/record.hpp"

#include "hopfield/core/error.hpp"

#include <functional>
#include <limits>
#include <numeric>

namespace hopfield {

std::size_t Dataset::elements() const {
  return std::accumulate(shape.begin(), shape.end(), std::size_t{1}, std::multiplies<>());
}

void Dataset::allocate() {
  const std::size_t n = elements();
  f64.clear();
  i64.clear();
  i8.clear();
  u64.clear();
  text.clear();
  switch (dtype) {
    case DType::f64:
      f64.assign(n, std::numeric_limits<double>::quiet_NaN());
      break;
    case DType::i64:
      i64.assign(n, -1);
      break;
    case DType::i8:
      i8.assign(n, -1);
      break;
    case DType::u64:
      // No −1 in an unsigned type: pad with its all-ones value (what −1 converts to).
      u64.assign(n, std::numeric_limits<std::uint64_t>::max());
      break;
    case DType::text:
      text.assign(n, std::string());
      break;
  }
}

Dataset& Record::add(std::string path, DType dtype, std::vector<std::size_t> shape,
                     std::vector<std::string> dims, std::string description, std::string unit) {
  if (find(path) != nullptr) {
    throw Error("record: dataset '" + path + "' added twice");
  }
  if (!dims.empty() && dims.size() != shape.size()) {
    throw Error("record: dataset '" + path + "' has " + std::to_string(shape.size()) +
                " dimensions but " + std::to_string(dims.size()) + " dimension names");
  }
  Dataset d;
  d.path = std::move(path);
  d.dtype = dtype;
  d.shape = std::move(shape);
  d.dims = std::move(dims);
  d.description = std::move(description);
  d.unit = std::move(unit);
  d.allocate();
  datasets.push_back(std::move(d));
  return datasets.back();
}

const Dataset* Record::find(std::string_view path) const {
  for (const auto& d : datasets) {
    if (d.path == path) {
      return &d;
    }
  }
  return nullptr;
}

Dataset* Record::find(std::string_view path) {
  for (auto& d : datasets) {
    if (d.path == path) {
      return &d;
    }
  }
  return nullptr;
}

void Record::set_attribute(std::string name, std::string value) {
  for (auto& [key, text] : text_attributes) {
    if (key == name) {
      text = std::move(value);
      return;
    }
  }
  text_attributes.emplace_back(std::move(name), std::move(value));
}

void Record::set_attribute(std::string name, std::int64_t value) {
  for (auto& [key, number] : integer_attributes) {
    if (key == name) {
      number = value;
      return;
    }
  }
  integer_attributes.emplace_back(std::move(name), value);
}

const std::string* Record::text_attribute(std::string_view name) const {
  for (const auto& [key, text] : text_attributes) {
    if (key == name) {
      return &text;
    }
  }
  return nullptr;
}

}  // namespace hopfield
