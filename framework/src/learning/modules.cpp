#include "hopfield/learning/modules.hpp"

#include "covariance.hpp"
#include "gaussian.hpp"
#include "hebbian.hpp"
#include "krauth_mezard.hpp"
#include "perceptron.hpp"
#include "pseudo_inverse.hpp"
#include "sparse.hpp"
#include "storkey.hpp"
#include "unlearning.hpp"

namespace hopfield {

void register_learning_modules(config::Registry& registry) {
  auto& family = registry.family<LearningRule>("learning");
  family.add(HebbianRule::doc(), &HebbianRule::make);
  family.add(CovarianceRule::doc(), &CovarianceRule::make);
  family.add(StorkeyRule::doc(), &StorkeyRule::make);
  family.add(PseudoInverseRule::doc(), &PseudoInverseRule::make);
  family.add(KrauthMezardRule::doc(), &KrauthMezardRule::make);
  family.add(PerceptronRule::doc(), &PerceptronRule::make);
  family.add(UnlearningRule::doc(), &UnlearningRule::make);
  family.add(SparseRule::doc(), &SparseRule::make);
  family.add(GaussianRule::doc(), &GaussianRule::make);
}

}  // namespace hopfield
