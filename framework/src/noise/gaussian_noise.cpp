#include "gaussian_noise.hpp"

#include "hopfield/core/error.hpp"

#include <cmath>

namespace hopfield {

GaussianNoise::GaussianNoise(double sigma, bool binarize) : sigma_(sigma), binarize_(binarize) {
  if (!(sigma >= 0.0) || !std::isfinite(sigma)) {
    throw Error("gaussian noise: sigma must be a finite number >= 0");
  }
}

void GaussianNoise::corrupt(State& cue, Representation r, RandomStream& rng) const {
  const float on = on_value(r);
  const float off = off_value(r);
  const double middle = 0.5 * (static_cast<double>(on) + static_cast<double>(off));
  for (Eigen::Index i = 0; i < cue.size(); ++i) {
    const double x = static_cast<double>(cue(i)) + sigma_ * rng.normal();
    if (binarize_) {
      // Exactly at the midpoint (probability 0 for σ > 0) the neuron keeps its value.
      cue(i) = x > middle ? on : (x < middle ? off : cue(i));
    } else {
      cue(i) = static_cast<float>(x);
    }
  }
}

config::ModuleDoc GaussianNoise::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "noise",
      .name = "gaussian",
      .help = "adds N(0, sigma^2) to every neuron of each cue; re-binarised by default",
      .params =
          {
              ParamSpec::real("sigma", "0.5", "standard deviation of the added noise").at_least(0),
              ParamSpec::boolean("binarize", "true",
                                 "set each noisy value back to on/off (by which side of the "
                                 "midpoint between on and off it falls); false keeps real "
                                 "values, for continuous inputs"),
          },
      .notes =
          "Acts on each cue (stage probe): x_i → x_i + σ z_i with z_i independent standard "
          "normal draws. With `binarize: true` (default) the result is re-binarised: on when "
          "above the midpoint of the on and off values (0 for bipolar, ½ for binary), off "
          "when below. For a clean ±1 cue each neuron is then flipped independently with "
          "probability Φ(−1/σ) (Φ(−1/(2σ)) for 0/1), so the noise is a flip noise "
          "parametrised by an analogue input noise. With `binarize: false` the cue keeps "
          "real values — the input of continuous-valued (graded-response) networks; "
          "discrete dynamics then start from a real-valued state, fields use those values "
          "until a neuron is updated, and overlaps of unfinished states are not ±1 sums.",
  };
}

std::unique_ptr<Noise> GaussianNoise::make(const config::Params& params) {
  return std::make_unique<GaussianNoise>(params.real("sigma"), params.flag("binarize"));
}

}  // namespace hopfield
