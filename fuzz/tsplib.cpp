// Fuzz target: the TSPLIB reader and the tsp problem built from it. Bytes → a symmetric distance
// matrix with a zero diagonal and finite, non-negative entries, or an InputError; the file is
// then used by an optimise config (accepted or refused with a ConfigError).
#include "fuzz_support.hpp"

#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/tsplib_reader.hpp"
#include "hopfield/io/yaml_loader.hpp"

#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hopfield;
  static const auto registry = make_registry();
  static const std::string file = fuzz::scratch_file(".tsp");
  fuzz::write_bytes(file, data, size);
  const bool round = size % 2 == 0;
  TspData tsp;
  if (!fuzz::accepted([&] { tsp = io::read_tsplib(file, round); })) return 0;
  const auto& d = tsp.distance;
  if (d.rows() < 3 || d.rows() != d.cols()) fuzz::violated("distance matrix is not n × n, n ≥ 3");
  for (Eigen::Index i = 0; i < d.rows(); ++i)
    for (Eigen::Index j = 0; j < d.cols(); ++j) {
      if (!std::isfinite(d(i, j)) || d(i, j) < 0.0)
        fuzz::violated("a distance is not finite and ≥ 0");
      if (d(i, j) != d(j, i)) fuzz::violated("the distance matrix is not symmetric");
      if (i == j && d(i, j) != 0.0) fuzz::violated("a diagonal distance is not 0");
    }
  fuzz::accepted([&] {
    (void)prepare(
        io::load_yaml_text("experiment: {type: optimise, problem: {type: tsp, file: '" + file +
                               "'}}\ndynamics: {type: continuous, activation: {type: logistic}}\n",
                           "fuzz.yaml"),
        "fuzz.yaml", std::nullopt, *registry);
  });
  return 0;
}
