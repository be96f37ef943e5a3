#include "burst_noise.hpp"

#include "hopfield/core/error.hpp"

#include <cmath>
#include <string>

namespace hopfield {

BurstNoise::BurstNoise(double fraction, Action action) : fraction_(fraction), action_(action) {
  if (!(fraction >= 0.0 && fraction <= 1.0)) throw Error("burst noise: fraction in [0, 1]");
}

BurstNoise::BurstNoise(Rectangle rectangle, Action action)
    : rectangle_(rectangle), action_(action) {
  if (rectangle.height < 1 || rectangle.width < 1 || rectangle.image_width < rectangle.width) {
    throw Error("burst noise: the rectangle must be at least 1×1 and fit the image width");
  }
}

void BurstNoise::hit(float& value, Representation r, RandomStream& rng) const {
  switch (action_) {
    case Action::flip:
      value = flipped(value, r);
      break;
    case Action::zero:
      value = 0.0F;
      break;
    case Action::off:
      value = off_value(r);
      break;
    case Action::on:
      value = on_value(r);
      break;
    case Action::random:
      value = rng.bernoulli(0.5) ? on_value(r) : off_value(r);
      break;
  }
}

void BurstNoise::corrupt(State& cue, Representation r, RandomStream& rng) const {
  const Eigen::Index n = cue.size();
  if (!rectangle_) {
    const auto length = static_cast<Eigen::Index>(std::llround(fraction_ * static_cast<double>(n)));
    const auto start =
        static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(n - length + 1)));
    for (Eigen::Index i = start; i < start + length; ++i) hit(cue(i), r, rng);
    return;
  }
  const Rectangle& rect = *rectangle_;
  if (n % rect.image_width != 0) {
    throw InputError("burst noise: a cue of " + std::to_string(n) +
                     " neurons is not an image of width " + std::to_string(rect.image_width));
  }
  const Eigen::Index rows = n / rect.image_width;
  if (rect.height > rows) {
    throw InputError("burst noise: a rectangle of height " + std::to_string(rect.height) +
                     " does not fit an image of " + std::to_string(rows) + " rows");
  }
  const auto top =
      static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(rows - rect.height + 1)));
  const auto left = static_cast<Eigen::Index>(
      rng.below(static_cast<std::uint64_t>(rect.image_width - rect.width + 1)));
  for (Eigen::Index y = top; y < top + rect.height; ++y) {
    for (Eigen::Index x = left; x < left + rect.width; ++x)
      hit(cue(y * rect.image_width + x), r, rng);
  }
}

config::ModuleDoc BurstNoise::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "noise",
      .name = "burst",
      .help = "flips or masks a contiguous block (or an image rectangle) of each cue",
      .params =
          {
              ParamSpec::real("fraction", "",
                              "length of the block: round(fraction*N) "
                              "consecutive neurons (0.1 when no rectangle)")
                  .range(0, 1)
                  .make_optional(),
              ParamSpec::real_list("rectangle", "",
                                   "[height, width] of a rectangle of the image instead of a "
                                   "block (needs image_width)")
                  .make_optional(),
              ParamSpec::integer("image_width", "",
                                 "columns of the image the cue is, row by row (e.g. 28 for "
                                 "MNIST)")
                  .range(1, 2147483647.0)
                  .make_optional(),
              ParamSpec::choice("action", "flip", {"flip", "0", "-1", "1", "random"},
                                "what happens to a neuron in the burst: flipped, or set to 0, "
                                "off (-1), on (1) or a random value"),
          },
      .notes =
          "Acts on each cue (stage probe). By default a block of round(fraction·N) "
          "consecutive neurons (indices start … start + length − 1, start uniform in "
          "[0, N − length]) is hit; with `rectangle: [h, w]` and `image_width: W` the cue is "
          "read as an image of W columns (N/W rows, row-major, as the idx and pbm patterns "
          "are stored) and an h × w rectangle at a uniformly random position is hit — an "
          "occlusion. `action: flip` (default) flips each neuron in the burst; `0`, `-1`, `1` "
          "and `random` mask it as `mask` noise does (`0` is a genuine 0 in a bipolar cue, "
          "an unknown neuron). A rectangle that does not fit the cue is an error when the cue "
          "is made.",
  };
}

std::unique_ptr<Noise> BurstNoise::make(const config::Params& params) {
  const std::string& a = params.text("action");
  const Action action = a == "flip" ? Action::flip
                        : a == "0"  ? Action::zero
                        : a == "-1" ? Action::off
                        : a == "1"  ? Action::on
                                    : Action::random;
  if (params.has("rectangle")) {
    if (params.has("fraction")) params.fail("fraction", "give either fraction or rectangle");
    if (!params.has("image_width")) {
      params.fail("rectangle", "a rectangle needs image_width (the image's columns)");
    }
    const auto r = params.reals("rectangle");
    if (r.size() != 2 || r[0] < 1 || r[1] < 1 || r[0] != std::floor(r[0]) ||
        r[1] != std::floor(r[1])) {
      params.fail("rectangle", "expected [height, width], two whole numbers >= 1");
    }
    const auto width = static_cast<Eigen::Index>(params.integer("image_width"));
    if (static_cast<Eigen::Index>(r[1]) > width) {
      params.fail("rectangle", "is wider than image_width");
    }
    return std::make_unique<BurstNoise>(
        Rectangle{static_cast<Eigen::Index>(r[0]), static_cast<Eigen::Index>(r[1]), width}, action);
  }
  if (params.has("image_width")) params.fail("image_width", "applies to a rectangle");
  return std::make_unique<BurstNoise>(params.has("fraction") ? params.real("fraction") : 0.1,
                                      action);
}

}  // namespace hopfield
