// TSPLIB reader (see hopfield/io/tsplib_reader.hpp).
#include "hopfield/io/tsplib_reader.hpp"

#include "hopfield/core/error.hpp"
#include "hopfield/core/memory.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>
#include <vector>

namespace hopfield::io {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Far beyond what a network of n² neurons can hold; keeps a corrupt header from asking for
// terabytes.
constexpr long max_cities = 100000;

double nint(double x) {
  return std::floor(x + 0.5);
}

/// TSPLIB GEO: coordinates DDD.MM (degrees, minutes) to radians.
double geo_radians(double x) {
  const double deg = std::trunc(x);
  const double min = x - deg;
  return 3.141592 * (deg + 5.0 * min / 3.0) / 180.0;  // TSPLIB's PI = 3.141592
}

}  // namespace

TspData read_tsplib(const std::string& path, bool round) {
  std::error_code ec;
  // A regular file: a FIFO or a device (/dev/zero) would block or never end.
  if (!std::filesystem::is_regular_file(path, ec))
    throw InputError("cannot open TSPLIB file '" + path + "': no such file");
  std::ifstream in(path);
  if (!in) throw InputError("cannot open TSPLIB file '" + path + "'");
  TspData data;
  std::string type = "EUC_2D";
  std::string format = "FULL_MATRIX";
  long dimension = -1;
  std::string line;
  int line_no = 0;
  auto fail = [&](const std::string& msg) -> void {
    throw InputError(path + ":" + std::to_string(line_no) + ": " + msg);
  };
  std::vector<double> weights;
  std::vector<std::string> seen;  // specification keys: each may be given once, before the data
  bool have_data = false;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string t = trim(line);
    if (t.empty()) continue;
    if (t == "EOF") break;
    if (t.rfind("NODE_COORD_SECTION", 0) == 0) {
      if (dimension < 1) fail("NODE_COORD_SECTION before DIMENSION");
      if (!data.coordinates.empty()) fail("a second NODE_COORD_SECTION");
      have_data = true;
      for (long k = 0; k < dimension; ++k) {
        ++line_no;
        long id = 0;
        double x = 0;
        double y = 0;
        if (!(in >> id >> x >> y)) fail("expected node " + std::to_string(k + 1) + " coordinates");
        if (!std::isfinite(x) || !std::isfinite(y))
          fail("node " + std::to_string(k + 1) + " has a coordinate that is not finite");
        data.coordinates.emplace_back(x, y);
      }
      continue;
    }
    if (t.rfind("EDGE_WEIGHT_SECTION", 0) == 0) {
      if (dimension < 1) fail("EDGE_WEIGHT_SECTION before DIMENSION");
      if (!weights.empty()) fail("a second EDGE_WEIGHT_SECTION");
      have_data = true;
      const auto n = static_cast<std::size_t>(dimension);
      std::size_t count = n * n;
      if (format == "UPPER_ROW" || format == "LOWER_ROW") count = n * (n - 1) / 2;
      if (format == "UPPER_DIAG_ROW" || format == "LOWER_DIAG_ROW") count = n * (n + 1) / 2;
      // Grow as numbers arrive: a large DIMENSION in a short file must not allocate.
      for (std::size_t k = 0; k < count; ++k) {
        double w = 0.0;
        if (!(in >> w)) fail("expected " + std::to_string(count) + " edge weights");
        if (!std::isfinite(w) || w < 0.0)
          fail("edge weight " + std::to_string(k + 1) + " is not a finite non-negative number");
        weights.push_back(w);
      }
      continue;
    }
    const auto colon = t.find(':');
    if (colon == std::string::npos) continue;  // other sections (DISPLAY_DATA …) are skipped
    const std::string key = trim(t.substr(0, colon));
    const std::string value = trim(t.substr(colon + 1));
    if (key == "DIMENSION" || key == "EDGE_WEIGHT_TYPE" || key == "EDGE_WEIGHT_FORMAT") {
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) fail(key + " given twice");
      if (have_data) fail(key + " after the data sections");
      seen.push_back(key);
    }
    if (key == "NAME") data.name = value;
    if (key == "TYPE" && value != "TSP") fail("TYPE " + value + " is not a symmetric TSP");
    if (key == "DIMENSION") {
      long parsed = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (error != std::errc() || end != value.data() + value.size())
        fail("DIMENSION '" + value + "' is not a whole number");
      if (parsed < 3 || parsed > max_cities)
        fail("DIMENSION " + value + " is outside [3, " + std::to_string(max_cities) + "]");
      dimension = parsed;
    }
    if (key == "EDGE_WEIGHT_TYPE") type = value;
    if (key == "EDGE_WEIGHT_FORMAT") format = value;
  }
  if (dimension < 3) throw InputError(path + ": DIMENSION missing or below 3");
  const auto n = static_cast<Eigen::Index>(dimension);
  // The n × n distance matrix must fit before it is allocated.
  const double need = static_cast<double>(n) * static_cast<double>(n) * 8.0;
  if (const MemoryBudget budget = memory_budget();
      budget.bytes > 0.0 && need > 0.8 * budget.bytes) {
    char message[200];
    std::snprintf(message, sizeof message,
                  ": the distances of %ld cities need about %.1f GiB but %s %.1f GiB of memory",
                  dimension, need / 1073741824.0, budget.source.c_str(),
                  budget.bytes / 1073741824.0);
    throw InputError(path + message);
  }
  if (type == "EXPLICIT") {
    if (weights.empty()) throw InputError(path + ": EXPLICIT without EDGE_WEIGHT_SECTION");
    if (format != "FULL_MATRIX" && format != "UPPER_ROW" && format != "UPPER_DIAG_ROW" &&
        format != "LOWER_ROW" && format != "LOWER_DIAG_ROW")
      throw InputError(path + ": EDGE_WEIGHT_FORMAT " + format + " is not supported");
    if (format == "FULL_MATRIX") {
      const auto size = static_cast<std::size_t>(n);
      for (std::size_t i = 0; i < size; ++i)
        for (std::size_t j = 0; j < i; ++j)
          if (weights[i * size + j] != weights[j * size + i])
            throw InputError(path + ": the FULL_MATRIX is not symmetric (row " +
                             std::to_string(i + 1) + ", column " + std::to_string(j + 1) +
                             "); only symmetric TSPs are supported");
    }
    Eigen::MatrixXd& d = data.distance;
    d = Eigen::MatrixXd::Zero(n, n);
    std::size_t k = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      Eigen::Index lo = 0;
      Eigen::Index hi = n;
      if (format == "UPPER_ROW") lo = i + 1;
      if (format == "UPPER_DIAG_ROW") lo = i;
      if (format == "LOWER_ROW") hi = i;
      if (format == "LOWER_DIAG_ROW") hi = i + 1;
      for (Eigen::Index j = lo; j < hi; ++j) {
        d(i, j) = weights.at(k++);
        d(j, i) = d(i, j);
      }
    }
    d.diagonal().setZero();
    return data;
  }
  if (static_cast<Eigen::Index>(data.coordinates.size()) != n)
    throw InputError(path + ": NODE_COORD_SECTION missing or short");
  Eigen::MatrixXd& d = data.distance;
  d = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      if (i == j) continue;
      const auto [xi, yi] = data.coordinates[static_cast<std::size_t>(i)];
      const auto [xj, yj] = data.coordinates[static_cast<std::size_t>(j)];
      const double dx = xi - xj;
      const double dy = yi - yj;
      double v = 0.0;
      if (type == "EUC_2D") {
        v = round ? nint(std::hypot(dx, dy)) : std::hypot(dx, dy);
      } else if (type == "CEIL_2D") {
        v = std::ceil(std::hypot(dx, dy));
      } else if (type == "ATT") {
        const double r = std::sqrt((dx * dx + dy * dy) / 10.0);
        const double t = nint(r);
        v = t < r ? t + 1.0 : t;
      } else if (type == "GEO") {
        const double rrr = 6378.388;
        const double lat_i = geo_radians(xi), lon_i = geo_radians(yi);
        const double lat_j = geo_radians(xj), lon_j = geo_radians(yj);
        const double q1 = std::cos(lon_i - lon_j);
        const double q2 = std::cos(lat_i - lat_j);
        const double q3 = std::cos(lat_i + lat_j);
        // Rounding can push the cosine a hair outside [−1, 1] (acos would give NaN).
        const double c = std::clamp(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3), -1.0, 1.0);
        v = std::floor(rrr * std::acos(c) + 1.0);
      } else {
        throw InputError(path + ": EDGE_WEIGHT_TYPE " + type + " is not supported");
      }
      if (!std::isfinite(v))
        throw InputError(path + ": the distance between nodes " + std::to_string(i + 1) + " and " +
                         std::to_string(j + 1) + " is not finite (coordinates too large)");
      d(i, j) = v;
    }
  return data;
}

}  // namespace hopfield::io
