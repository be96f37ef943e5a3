#include "flip_noise.hpp"

#include "hopfield/core/error.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

namespace hopfield {

FlipNoise::FlipNoise(Mode mode, double amount) : mode_(mode), amount_(amount) {
  if (!(amount >= 0.0 && amount <= 1.0)) {
    throw Error("flip noise: amount must be in [0, 1]");
  }
}

void FlipNoise::corrupt(State& cue, Representation r, RandomStream& rng) const {
  const Eigen::Index n = cue.size();
  if (mode_ == Mode::probability) {
    for (Eigen::Index i = 0; i < n; ++i) {
      if (rng.bernoulli(amount_)) {
        cue(i) = flipped(cue(i), r);
      }
    }
    return;
  }
  const auto k = static_cast<std::size_t>(std::llround(amount_ * static_cast<double>(n)));
  std::vector<std::int32_t> chosen(k);
  rng.choose(n, chosen);
  for (const std::int32_t i : chosen) {
    cue(i) = flipped(cue(i), r);
  }
}

config::ModuleDoc FlipNoise::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "noise",
      .name = "flip",
      .help = "flips neurons of each cue: an exact fraction, or each with a probability",
      .params =
          {
              ParamSpec::real("fraction", "",
                              "exactly round(fraction*N) distinct neurons are flipped "
                              "(0.1 when neither fraction nor probability is given)")
                  .range(0, 1)
                  .make_optional(),
              ParamSpec::real("probability", "",
                              "each neuron is flipped independently with this probability")
                  .range(0, 1)
                  .make_optional(),
          },
      .notes =
          "Acts on each cue (stage probe). With `fraction: f`, exactly round(f·N) distinct "
          "neurons, chosen uniformly, are flipped, so the cue's overlap with its pattern is "
          "exactly 1 − 2·round(fN)/N; with `probability: p`, each neuron is flipped "
          "independently (the number flipped is Binomial(N, p)). Give at most one of the "
          "two; with neither, `fraction: 0.1` is used. A flip turns +1 into −1 (bipolar) "
          "or 1 into 0 (binary); a genuine 0 in a bipolar cue stays 0.",
  };
}

std::unique_ptr<Noise> FlipNoise::make(const config::Params& params) {
  const bool has_fraction = params.has("fraction");
  const bool has_probability = params.has("probability");
  if (has_fraction && has_probability) {
    params.fail("probability", "give either fraction or probability, not both");
  }
  if (has_probability) {
    return std::make_unique<FlipNoise>(Mode::probability, params.real("probability"));
  }
  const double fraction = has_fraction ? params.real("fraction") : default_fraction;
  return std::make_unique<FlipNoise>(Mode::fraction, fraction);
}

}  // namespace hopfield
