#include "hopfield/noise/noise.hpp"

#include "hopfield/core/error.hpp"

namespace hopfield {

std::string_view to_string(NoiseStage stage) {
  switch (stage) {
    case NoiseStage::weights:
      return "weights";
    case NoiseStage::probe:
      return "probe";
    case NoiseStage::dynamics:
      return "dynamics";
  }
  return "unknown";
}

void Noise::corrupt(State& /*cue*/, Representation /*r*/, RandomStream& /*rng*/) const {
  throw Error("noise module does not act at this stage (probe; it acts at stage '" +
              std::string(to_string(stage())) + "')");
}

void Noise::perturb(Eigen::MatrixXd& /*w*/, RandomStream& /*rng*/) const {
  throw Error("noise module does not act at this stage (weights; it acts at stage '" +
              std::string(to_string(stage())) + "')");
}

}  // namespace hopfield
