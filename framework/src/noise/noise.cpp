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

void Noise::perturb_sparse(SparseWeights& /*w*/, RandomStream& /*rng*/) const {
  throw Error("noise module does not act on sparse couplings (it acts at stage '" +
              std::string(to_string(stage())) + "')");
}

std::shared_ptr<const Couplings> Noise::transform(std::shared_ptr<const Couplings> w,
                                                  Precision precision, RandomStream& rng) const {
  if (const auto* sparse = dynamic_cast<const SparseCouplings*>(w.get())) {
    SparseWeights m = sparse->weights();
    perturb_sparse(m, rng);
    return make_sparse_couplings(m, 1.0, false);
  }
  Eigen::MatrixXd m = w->dense();
  perturb(m, rng);
  return make_dense_couplings(m, 1.0, false, precision);
}

}  // namespace hopfield
