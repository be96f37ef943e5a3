// Registration of the file-reading pattern modules (idx, pbm).
#include "hopfield/io/modules.hpp"

#include "idx_patterns.hpp"
#include "pbm_patterns.hpp"

namespace hopfield::io {

void register_io_modules(config::Registry& registry) {
  auto& family = registry.family<PatternSource>("patterns");
  family.add(IdxPatterns::doc(), &IdxPatterns::make);
  family.add(PbmPatterns::doc(), &PbmPatterns::make);
}

}  // namespace hopfield::io
