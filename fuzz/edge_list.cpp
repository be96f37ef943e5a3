// Fuzz target: the edge-list reader and the graph problems built from it. Bytes → a symmetric,
// finite weight matrix with a zero diagonal, or an InputError; the file is then used by a
// max_cut config (accepted or refused with a ConfigError).
#include "fuzz_support.hpp"

#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/edge_list_reader.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/optimisation/modules.hpp"

#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hopfield;
  static const auto registry = make_registry();
  static const std::string file = fuzz::scratch_file(".edges");
  fuzz::write_bytes(file, data, size);
  Eigen::MatrixXd w;
  if (!fuzz::accepted([&] { w = io::read_edge_list(file, max_cut_max_vertices); })) return 0;
  if (w.rows() < 2 || w.rows() != w.cols() || w.rows() > max_cut_max_vertices)
    fuzz::violated("the weight matrix is not n × n with 2 ≤ n ≤ the vertex limit");
  if (!w.allFinite()) fuzz::violated("a weight is not finite");
  if (w != w.transpose()) fuzz::violated("the weight matrix is not symmetric");
  if (w.diagonal().cwiseAbs().maxCoeff() != 0.0) fuzz::violated("a self-loop was accepted");
  fuzz::accepted([&] {
    (void)prepare(
        io::load_yaml_text("experiment: {type: optimise, problem: {type: max_cut, file: '" + file +
                               "'}}\ndynamics: {type: continuous, activation: {type: "
                               "tanh}}\n",
                           "fuzz.yaml"),
        "fuzz.yaml", std::nullopt, *registry);
  });
  return 0;
}
