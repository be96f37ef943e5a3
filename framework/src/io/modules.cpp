// Registration of the file-reading modules: patterns (idx, pbm, hdf5), the tsp problem (TSPLIB)
// and the graph problems max_cut and partition (edge lists).
#include "hopfield/io/modules.hpp"

#include "hdf5_patterns.hpp"
#include "idx_patterns.hpp"
#include "pbm_patterns.hpp"

#include "hopfield/io/edge_list_reader.hpp"
#include "hopfield/io/tsplib_reader.hpp"
#include "hopfield/optimisation/modules.hpp"
#include "input_path.hpp"

namespace hopfield::io {

namespace {

/// The graph of the `file` key, if given; a missing or malformed file fails at that key.
std::optional<Eigen::MatrixXd> graph_file(const config::Params& p, Eigen::Index max_vertices) {
  if (!p.has("file")) return std::nullopt;
  const auto& node = p.at("file");
  const std::string path = resolve_input_path(node.text(), node.location());
  try {
    return read_edge_list(path, max_vertices);
  } catch (const InputError& e) {
    node.fail(e.what());
  }
}

}  // namespace

void register_io_modules(config::Registry& registry) {
  auto& family = registry.family<PatternSource>("patterns");
  family.add(IdxPatterns::doc(), &IdxPatterns::make);
  family.add(PbmPatterns::doc(), &PbmPatterns::make);
  family.add(Hdf5Patterns::doc(), &Hdf5Patterns::make);
  if (!registry.has_family("problem")) return;  // a registry without optimisation problems
  registry.family<Problem>("problem").add(tsp_problem_doc(), [](const config::Params& p) {
    std::optional<TspData> data;
    if (p.has("file")) {
      const auto& node = p.at("file");
      const std::string path = resolve_input_path(node.text(), node.location());
      try {
        data = read_tsplib(path, p.flag("round_distances"));
      } catch (const InputError& e) {
        node.fail(e.what());
      }
    }
    return make_tsp_problem(p, std::move(data));
  });
  registry.family<Problem>("problem").add(max_cut_problem_doc(), [](const config::Params& p) {
    return make_max_cut_problem(p, graph_file(p, max_cut_max_vertices));
  });
  registry.family<Problem>("problem").add(partition_problem_doc(), [](const config::Params& p) {
    return make_partition_problem(p, graph_file(p, partition_max_vertices));
  });
}

}  // namespace hopfield::io
