// Registration of the file-reading pattern modules (idx, pbm, hdf5).
#include "hopfield/io/modules.hpp"

#include "hdf5_patterns.hpp"
#include "idx_patterns.hpp"
#include "pbm_patterns.hpp"

namespace hopfield::io {

void register_io_modules(config::Registry& registry) {
  auto& family = registry.family<PatternSource>("patterns");
  family.add(IdxPatterns::doc(), &IdxPatterns::make);
  family.add(PbmPatterns::doc(), &PbmPatterns::make);
  family.add(Hdf5Patterns::doc(), &Hdf5Patterns::make);
}

}  // namespace hopfield::io
