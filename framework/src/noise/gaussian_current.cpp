#include "gaussian_current.hpp"

namespace hopfield {

config::ModuleDoc GaussianCurrentNoise::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "noise",
      .name = "gaussian_current",
      .help = "white Gaussian input current in continuous dynamics (Euler–Maruyama)",
      .params = {ParamSpec::real("sigma", "0.1",
                                 "noise amplitude σ: du_i = f_i(u) dt + σ dW_i, with independent "
                                 "Wiener processes W_i (units of u per √time)")
                     .at_least(0)},
      .notes =
          "Stage dynamics: list it under `dynamics: {type: continuous, noise: [...]}`, "
          "which requires `integrator: euler` (the Euler–Maruyama scheme, strong order ½). "
          "Draws come from the dynamics stream of the probe, so runs are reproducible.",
  };
}

std::unique_ptr<Noise> GaussianCurrentNoise::make(const config::Params& params) {
  return std::make_unique<GaussianCurrentNoise>(params.real("sigma"));
}

}  // namespace hopfield
