#include "hopfield/patterns/modules.hpp"

#include "biased_patterns.hpp"
#include "correlated_patterns.hpp"
#include "inline_patterns.hpp"
#include "random_patterns.hpp"
#include "sparse_patterns.hpp"

namespace hopfield {

void register_pattern_modules(config::Registry& registry) {
  auto& family = registry.family<PatternSource>("patterns");
  family.add(RandomPatterns::doc(), &RandomPatterns::make);
  family.add(InlinePatterns::doc(), &InlinePatterns::make);
  family.add(BiasedPatterns::doc(), &BiasedPatterns::make);
  family.add(SparsePatterns::doc(), &SparsePatterns::make);
  family.add(CorrelatedPatterns::doc(), &CorrelatedPatterns::make);
}

}  // namespace hopfield
