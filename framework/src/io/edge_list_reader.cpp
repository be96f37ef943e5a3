// Edge-list reader (see hopfield/io/edge_list_reader.hpp).
#include "hopfield/io/edge_list_reader.hpp"

#include "hopfield/core/error.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <vector>

namespace hopfield::io {

Eigen::MatrixXd read_edge_list(const std::string& path, Eigen::Index max_vertices) {
  std::error_code ec;
  // A regular file: a FIFO or a device (/dev/zero) would block or never end.
  if (!std::filesystem::is_regular_file(path, ec))
    throw InputError("cannot open edge list '" + path + "': no such file");
  std::ifstream in(path);
  if (!in) throw InputError("cannot open edge list '" + path + "'");
  std::vector<std::tuple<long long, long long, double, int>> edges;
  long long largest = -1;
  std::string line;
  int line_no = 0;
  auto fail = [&](const std::string& msg) {
    throw InputError(path + ":" + std::to_string(line_no) + ": " + msg);
  };
  while (std::getline(in, line)) {
    ++line_no;
    const auto hash = line.find('#');
    std::istringstream fields(line.substr(0, hash));
    std::string a, b, w;
    if (!(fields >> a)) continue;  // blank or comment-only line
    if (!(fields >> b)) fail("expected 'i j [weight]', got one field");
    fields >> w;
    std::string extra;
    if (fields >> extra) fail("expected 'i j [weight]', got more than three fields");
    long long i = 0;
    long long j = 0;
    double weight = 1.0;
    try {
      std::size_t used_a = 0;
      std::size_t used_b = 0;
      i = std::stoll(a, &used_a);
      j = std::stoll(b, &used_b);
      if (used_a != a.size() || used_b != b.size()) throw std::invalid_argument("vertex");
    } catch (const std::exception&) {
      fail("vertices must be integers, got '" + a + "' '" + b + "'");
    }
    if (!w.empty()) {
      try {
        std::size_t used = 0;
        weight = std::stod(w, &used);
        if (used != w.size()) throw std::invalid_argument("weight");
      } catch (const std::exception&) {
        fail("weight must be a number, got '" + w + "'");
      }
    }
    if (i < 0 || j < 0) fail("vertices are numbered from 0");
    if (i >= max_vertices || j >= max_vertices)
      fail("vertex " + std::to_string(std::max(i, j)) + " is beyond the limit of " +
           std::to_string(max_vertices) + " vertices");
    if (i == j) fail("self-loop at vertex " + std::to_string(i));
    if (!std::isfinite(weight)) fail("weight is not finite");
    edges.emplace_back(i, j, weight, line_no);
    largest = std::max({largest, i, j});
  }
  if (edges.empty()) throw InputError(path + ": no edges");
  const auto n = static_cast<Eigen::Index>(largest + 1);
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> seen =
      Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>::Constant(n, n, false);
  for (const auto& [i, j, weight, at] : edges) {
    line_no = at;
    if (seen(i, j))
      fail("edge " + std::to_string(i) + " " + std::to_string(j) + " is listed twice");
    seen(i, j) = seen(j, i) = true;
    w(i, j) = w(j, i) = weight;
  }
  return w;
}

}  // namespace hopfield::io
