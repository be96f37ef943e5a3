#include "../../../framework/src/noise/flip_noise.hpp"
#include "../../../framework/src/noise/mask_noise.hpp"
#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/noise/modules.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

using namespace hopfield;

namespace {

std::unique_ptr<Noise> make_noise(const std::string& yaml) {
  config::Registry registry;
  registry.add_family<Noise>("noise", "noise");
  register_noise_modules(registry);
  config::Node node = io::load_yaml_text(yaml, "test.yaml");
  node.assign_paths("noise[0]");
  registry.validate_module(node, "noise");
  return registry.family<Noise>("noise").make(node);
}

RandomStream stream(std::uint64_t probe = 0) {
  return RandomStream(99, Purpose::cue_noise, 0, 0, probe);
}

/// A random clean state (so that flips are seen whatever the representation).
State clean_state(Eigen::Index n, Representation r) {
  RandomStream rng(5, Purpose::patterns, 0, 0, 0);
  State s(n);
  for (Eigen::Index i = 0; i < n; ++i) s(i) = rng.bernoulli(0.5) ? on_value(r) : off_value(r);
  return s;
}

Eigen::Index changed(const State& a, const State& b) {
  return (a.array() != b.array()).count();
}

State corrupted(const Noise& noise, State s, Representation r, std::uint64_t probe = 0) {
  auto rng = stream(probe);
  noise.corrupt(s, r, rng);
  return s;
}

/// A module acting on the weights, to check the base class's refusal at the probe stage.
class WeightsOnly final : public Noise {
 public:
  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::weights; }
};

}  // namespace

TEST_CASE("flip with a fraction flips exactly round(fraction*N) distinct neurons",
          "[noise][flip]") {
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    for (const double f : {0.0, 0.1, 0.25, 1.0 / 3.0, 0.5, 1.0}) {
      for (const Eigen::Index n : {1, 7, 100, 1001}) {
        const State clean = clean_state(n, r);
        const State cue = corrupted(FlipNoise(FlipNoise::Mode::fraction, f), clean, r);
        INFO("f = " << f << ", N = " << n);
        CHECK(changed(clean, cue) == std::llround(f * static_cast<double>(n)));
        for (Eigen::Index i = 0; i < n; ++i) {
          REQUIRE((cue(i) == clean(i) || cue(i) == flipped(clean(i), r)));
        }
      }
    }
  }
}

TEST_CASE("flip with a probability flips a binomial number of neurons", "[noise][flip]") {
  // Binomial(10000, 0.2): mean 2000, s.d. 40. |k − 2000| < 200 (5 s.d.) fails by chance with
  // probability 6e-7 per cue.
  const Eigen::Index n = 10000;
  const FlipNoise noise(FlipNoise::Mode::probability, 0.2);
  const State clean = clean_state(n, Representation::bipolar);
  for (std::uint64_t probe = 0; probe < 5; ++probe) {
    const auto k = changed(clean, corrupted(noise, clean, Representation::bipolar, probe));
    CHECK(std::abs(static_cast<double>(k) - 2000.0) < 200.0);
  }
  const State c0 = corrupted(noise, clean, Representation::bipolar, 0);
  const State c1 = corrupted(noise, clean, Representation::bipolar, 1);
  CHECK(c0 != c1);

  CHECK(changed(clean, corrupted(FlipNoise(FlipNoise::Mode::probability, 0.0), clean,
                                 Representation::bipolar)) == 0);
  CHECK(changed(clean, corrupted(FlipNoise(FlipNoise::Mode::probability, 1.0), clean,
                                 Representation::bipolar)) == n);
}

TEST_CASE("flip noise is reproducible for the same stream", "[noise][flip]") {
  const FlipNoise noise(FlipNoise::Mode::fraction, 0.3);
  const State clean = clean_state(500, Representation::binary);
  CHECK(corrupted(noise, clean, Representation::binary, 4) ==
        corrupted(noise, clean, Representation::binary, 4));
  CHECK(corrupted(noise, clean, Representation::binary, 4) !=
        corrupted(noise, clean, Representation::binary, 5));
}

TEST_CASE("flip takes a fraction or a probability, defaulting to fraction 0.1",
          "[noise][flip][config]") {
  const auto by_default = make_noise("flip");
  const auto* flip = dynamic_cast<const FlipNoise*>(by_default.get());
  REQUIRE(flip != nullptr);
  CHECK(flip->stage() == NoiseStage::probe);
  CHECK(flip->mode() == FlipNoise::Mode::fraction);
  CHECK(flip->amount() == 0.1);
  const State clean = clean_state(200, Representation::bipolar);
  CHECK(changed(clean, corrupted(*by_default, clean, Representation::bipolar)) == 20);

  const auto by_p = make_noise("{type: flip, probability: 0.3}");
  CHECK(dynamic_cast<const FlipNoise&>(*by_p).mode() == FlipNoise::Mode::probability);
  CHECK_THROWS_AS(make_noise("{type: flip, fraction: 0.1, probability: 0.1}"), ConfigError);
  CHECK_THROWS_AS(make_noise("{type: flip, fraction: 1.5}"), ConfigError);
  CHECK_THROWS_AS(make_noise("{type: flip, probability: -0.1}"), ConfigError);
}

TEST_CASE("mask sets exactly round(fraction*N) neurons to its value", "[noise][mask]") {
  const Eigen::Index n = 400;
  const State all_on = State::Ones(n);
  const State bip_off = State::Constant(n, -1.0F);
  const State bin_off = State::Zero(n);
  for (const double f : {0.0, 0.25, 0.3, 1.0}) {
    const auto k = std::llround(f * static_cast<double>(n));
    INFO("fraction " << f);
    // Bipolar, value 0: genuine zeros (unknown neurons) in the cue.
    const State zeros =
        corrupted(MaskNoise(f, MaskNoise::Value::zero), all_on, Representation::bipolar);
    CHECK((zeros.array() == 0.0F).count() == k);
    CHECK((zeros.array() == 1.0F).count() == n - k);
    // Binary, value 0: off.
    CHECK(
        (corrupted(MaskNoise(f, MaskNoise::Value::zero), all_on, Representation::binary).array() ==
         0.0F)
            .count() == k);
    // value -1 is off in either representation.
    CHECK(
        (corrupted(MaskNoise(f, MaskNoise::Value::off), all_on, Representation::bipolar).array() ==
         -1.0F)
            .count() == k);
    CHECK((corrupted(MaskNoise(f, MaskNoise::Value::off), all_on, Representation::binary).array() ==
           0.0F)
              .count() == k);
    // value 1 is on.
    CHECK(
        (corrupted(MaskNoise(f, MaskNoise::Value::on), bip_off, Representation::bipolar).array() ==
         1.0F)
            .count() == k);
    CHECK((corrupted(MaskNoise(f, MaskNoise::Value::on), bin_off, Representation::binary).array() ==
           1.0F)
              .count() == k);
  }
}

TEST_CASE("mask with random values sets about half of the masked neurons off", "[noise][mask]") {
  // 2000 masked neurons, each off with probability 1/2: Binomial(2000, 0.5) has s.d. 22.4, so
  // |k − 1000| < 112 (5 s.d.) fails by chance with probability 6e-7.
  const Eigen::Index n = 4000;
  const State all_on = State::Ones(n);
  const State cue =
      corrupted(MaskNoise(0.5, MaskNoise::Value::random), all_on, Representation::bipolar);
  CHECK(((cue.array() == 1.0F) || (cue.array() == -1.0F)).all());
  const auto off = (cue.array() == -1.0F).count();
  CHECK(std::abs(static_cast<double>(off) - 1000.0) < 112.0);
}

TEST_CASE("mask defaults to fraction 0.25 and value 0", "[noise][mask][config]") {
  const auto mask = make_noise("mask");
  CHECK(mask->stage() == NoiseStage::probe);
  const State cue = corrupted(*mask, State::Ones(100), Representation::bipolar);
  CHECK((cue.array() == 0.0F).count() == 25);
  const auto minus = make_noise("{type: mask, fraction: 0.1, value: -1}");
  CHECK((corrupted(*minus, State::Ones(100), Representation::bipolar).array() == -1.0F).count() ==
        10);
  CHECK_THROWS_AS(make_noise("{type: mask, value: 2}"), ConfigError);
  CHECK_THROWS_AS(make_noise("{type: mask, fraction: 2}"), ConfigError);
}

TEST_CASE("a noise module refuses to act at a stage it does not implement", "[noise]") {
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(3, 3);
  auto rng = stream();
  CHECK_THROWS_AS(FlipNoise(FlipNoise::Mode::fraction, 0.1).perturb(w, rng), Error);
  State s = State::Ones(3);
  CHECK_THROWS_AS(WeightsOnly().corrupt(s, Representation::bipolar, rng), Error);
  CHECK(to_string(NoiseStage::weights) == "weights");
  CHECK(to_string(NoiseStage::probe) == "probe");
  CHECK(to_string(NoiseStage::dynamics) == "dynamics");
}
