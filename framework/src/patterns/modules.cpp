#include "hopfield/patterns/modules.hpp"

#include "inline_patterns.hpp"
#include "random_patterns.hpp"

namespace hopfield {

void register_pattern_modules(config::Registry& registry) {
  auto& family = registry.family<PatternSource>("patterns");
  family.add(RandomPatterns::doc(), &RandomPatterns::make);
  family.add(InlinePatterns::doc(), &InlinePatterns::make);
}

}  // namespace hopfield
