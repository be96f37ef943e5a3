#include "hopfield/learning/modules.hpp"

#include "covariance.hpp"
#include "hebbian.hpp"

namespace hopfield {

void register_learning_modules(config::Registry& registry) {
  auto& family = registry.family<LearningRule>("learning");
  family.add(HebbianRule::doc(), &HebbianRule::make);
  family.add(CovarianceRule::doc(), &CovarianceRule::make);
}

}  // namespace hopfield
