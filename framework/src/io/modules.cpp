// Registration of the file-reading modules: patterns (idx, pbm, hdf5) and the tsp problem
// (TSPLIB).
#include "hopfield/io/modules.hpp"

#include "hdf5_patterns.hpp"
#include "idx_patterns.hpp"
#include "pbm_patterns.hpp"

#include "hopfield/io/tsplib_reader.hpp"
#include "hopfield/optimisation/modules.hpp"
#include "input_path.hpp"

namespace hopfield::io {

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
}

}  // namespace hopfield::io
