#include "mask_noise.hpp"

#include "hopfield/core/error.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

namespace hopfield {

MaskNoise::MaskNoise(double fraction, Value value) : fraction_(fraction), value_(value) {
  if (!(fraction >= 0.0 && fraction <= 1.0)) {
    throw Error("mask noise: fraction must be in [0, 1]");
  }
}

void MaskNoise::corrupt(State& cue, Representation r, RandomStream& rng) const {
  const Eigen::Index n = cue.size();
  const auto k = static_cast<std::size_t>(std::llround(fraction_ * static_cast<double>(n)));
  std::vector<std::int32_t> chosen(k);
  rng.choose(n, chosen);
  for (const std::int32_t i : chosen) {
    switch (value_) {
      case Value::zero:
        cue(i) = 0.0F;
        break;
      case Value::off:
        cue(i) = off_value(r);
        break;
      case Value::on:
        cue(i) = on_value(r);
        break;
      case Value::random:
        cue(i) = rng.bernoulli(0.5) ? on_value(r) : off_value(r);
        break;
    }
  }
}

config::ModuleDoc MaskNoise::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "noise",
      .name = "mask",
      .help = "sets an exact fraction of each cue's neurons to a fixed or random value",
      .params =
          {
              ParamSpec::real("fraction", "0.25",
                              "exactly round(fraction*N) distinct neurons are masked")
                  .range(0, 1),
              ParamSpec::choice("value", "0", {"0", "-1", "1", "random"},
                                "value of a masked neuron: 0, -1 (off), 1 (on) or random"),
          },
      .notes =
          "Acts on each cue (stage probe): exactly round(fraction·N) distinct neurons, "
          "chosen uniformly, are set to `value`. `-1` means off (−1 bipolar, 0 binary), "
          "`1` means on, `random` sets each masked neuron on or off with probability 1/2. "
          "`0` means off in a binary network; in a bipolar network it leaves a genuine 0 "
          "in the cue — an unknown neuron that contributes nothing to the fields and to "
          "overlaps until the dynamics set it to ±1.",
  };
}

std::unique_ptr<Noise> MaskNoise::make(const config::Params& params) {
  const std::string& text = params.text("value");
  Value value = Value::zero;
  if (text == "-1") {
    value = Value::off;
  }
  if (text == "1") {
    value = Value::on;
  }
  if (text == "random") {
    value = Value::random;
  }
  return std::make_unique<MaskNoise>(params.real("fraction"), value);
}

}  // namespace hopfield
