#include "../../../framework/src/patterns/inline_patterns.hpp"
#include "../../../framework/src/patterns/random_patterns.hpp"
#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/patterns/modules.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

using namespace hopfield;

namespace {

/// Validates `yaml` as a patterns module and builds it through the registry.
std::unique_ptr<PatternSource> make_patterns(const std::string& yaml) {
  config::Registry registry;
  registry.add_family<PatternSource>("patterns", "pattern sources");
  register_pattern_modules(registry);
  config::Node node = io::load_yaml_text(yaml, "test.yaml");
  node.assign_paths("patterns");
  registry.validate_module(node, "patterns");
  return registry.family<PatternSource>("patterns").make(node);
}

PatternSet draw(const PatternSource& source, Eigen::Index n, Representation r,
                std::uint64_t trial = 0) {
  RandomStream rng(7, Purpose::patterns, 0, trial, 0);
  return source.generate(PatternContext{n, r}, rng);
}

}  // namespace

TEST_CASE("to_representation maps positive values to on and the rest to off",
          "[patterns][representation]") {
  Eigen::MatrixXf v(1, 4);
  v << 1.0F, 0.0F, -1.0F, 0.5F;
  const Eigen::MatrixXf bip = to_representation(v, Representation::bipolar).cast<float>();
  const Eigen::MatrixXf bin = to_representation(v, Representation::binary).cast<float>();
  CHECK(bip(0, 0) == 1.0F);
  CHECK(bip(0, 1) == -1.0F);
  CHECK(bip(0, 2) == -1.0F);
  CHECK(bip(0, 3) == 1.0F);
  CHECK(bin(0, 0) == 1.0F);
  CHECK(bin(0, 1) == 0.0F);
  CHECK(bin(0, 2) == 0.0F);
  CHECK(bin(0, 3) == 1.0F);
}

TEST_CASE("random patterns are unbiased within a 5 sigma bound", "[patterns][random]") {
  // 100 × 1000 = 1e5 independent ±1 entries: the mean has standard deviation 1/sqrt(1e5) ≈
  // 0.0032, so |mean| < 0.016 (5σ) fails by chance with probability 6e-7.
  const auto source = RandomPatterns::with_count(100);
  const PatternSet bip = draw(source, 1000, Representation::bipolar);
  REQUIRE(bip.count() == 100);
  REQUIRE(bip.neurons() == 1000);
  CHECK(((bip.xi.array() == 1) || (bip.xi.array() == -1)).all());
  CHECK(std::abs(bip.xi.cast<double>().mean()) < 0.016);

  // Binary entries are Bernoulli(1/2): σ of the mean is 0.5/sqrt(1e5) ≈ 0.0016.
  const PatternSet bin = draw(source, 1000, Representation::binary, 1);
  CHECK(bin.representation == Representation::binary);
  CHECK(((bin.xi.array() == 1) || (bin.xi.array() == 0)).all());
  CHECK(std::abs(bin.xi.cast<double>().mean() - 0.5) < 0.008);
}

TEST_CASE("random patterns are reproducible for the same stream and differ between trials",
          "[patterns][random]") {
  const auto source = RandomPatterns::with_count(5);
  const PatternSet a = draw(source, 200, Representation::bipolar, 3);
  const PatternSet b = draw(source, 200, Representation::bipolar, 3);
  const PatternSet c = draw(source, 200, Representation::bipolar, 4);
  CHECK(a.xi == b.xi);
  CHECK(a.xi != c.xi);
}

TEST_CASE("the first random patterns do not depend on how many are drawn", "[patterns][random]") {
  const PatternSet few = draw(RandomPatterns::with_count(3), 100, Representation::bipolar);
  const PatternSet many = draw(RandomPatterns::with_count(9), 100, Representation::bipolar);
  CHECK(many.xi.topRows(3) == few.xi);
}

TEST_CASE("random pattern count is count or round(alpha*N)", "[patterns][random]") {
  CHECK(RandomPatterns::with_count(7).count(1000) == 7);
  CHECK(RandomPatterns::with_alpha(0.138).count(1000) == 138);
  CHECK(RandomPatterns::with_alpha(0.0125).count(100) == 1);  // 1.25 rounds to 1
  CHECK_THROWS_AS(RandomPatterns::with_alpha(0.004).count(100), ConfigError);
}

TEST_CASE("random patterns need exactly one of count and alpha", "[patterns][random][config]") {
  CHECK(make_patterns("{type: random, count: 4}")->count(50) == 4);
  CHECK(make_patterns("{type: random, alpha: 0.1}")->count(50) == 5);
  CHECK_THROWS_AS(make_patterns("{type: random, count: 4, alpha: 0.1}"), ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: random}"), ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: random, count: 0}"), ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: random, alpha: 0}"), ConfigError);
}

TEST_CASE("an alpha that rounds to no pattern is a ConfigError at the alpha key",
          "[patterns][random][config]") {
  const auto source = make_patterns("type: random\nalpha: 0.001\n");
  try {
    (void)source->count(100);
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    CHECK(e.location().line == 2);
    CHECK_THAT(std::string(e.what()), Catch::Contains("patterns.alpha"));
  }
}

TEST_CASE("inline 0/1 and -1/+1 rows are converted to the network's representation",
          "[patterns][inline]") {
  const auto source = make_patterns("{type: inline, rows: [[1, 0, 1, 0], [-1, 1, 1, -1]]}");
  CHECK(source->fixed_neurons() == 4);
  CHECK(source->count(4) == 2);

  const PatternSet bip = draw(*source, 4, Representation::bipolar);
  Eigen::MatrixXf expected_bip(2, 4);
  expected_bip << 1, -1, 1, -1, -1, 1, 1, -1;
  CHECK(bip.xi.cast<float>() == expected_bip);

  const PatternSet bin = draw(*source, 4, Representation::binary);
  Eigen::MatrixXf expected_bin(2, 4);
  expected_bin << 1, 0, 1, 0, 0, 1, 1, 0;
  CHECK(bin.xi.cast<float>() == expected_bin);
}

TEST_CASE("inline patterns keep their shape and labels", "[patterns][inline]") {
  const auto source = make_patterns(
      "{type: inline, rows: [[1,0,1,0,1,0], [0,0,0,1,1,1]], shape: [2, 3], "
      "labels: [7, 3]}");
  const PatternSet set = draw(*source, 6, Representation::binary);
  CHECK(set.shape == std::vector<int>{2, 3});
  CHECK(set.labels == std::vector<int>{7, 3});
}

TEST_CASE("an inline value other than 0, 1 or -1 is a ConfigError at that value",
          "[patterns][inline][config]") {
  try {
    (void)make_patterns("type: inline\nrows:\n  - [1, 0, 1]\n  - [0, 0.5, 1]\n");
    FAIL("expected a ConfigError");
  } catch (const ConfigError& e) {
    CHECK(e.location().line == 4);
    CHECK(e.location().column == 9);  // "  - [0, 0.5, 1]"
    CHECK_THAT(std::string(e.what()), Catch::Contains("0.5"));
    CHECK_THAT(std::string(e.what()), Catch::Contains("patterns.rows[1][1]"));
  }
  CHECK_THROWS_AS(make_patterns("{type: inline, rows: [[1, 2]]}"), ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: inline, rows: [[1, yes]]}"), ConfigError);
}

TEST_CASE("inline rows of different lengths, a wrong shape or label count are ConfigErrors",
          "[patterns][inline][config]") {
  CHECK_THROWS_AS(make_patterns("{type: inline, rows: [[1, 0, 1], [1, 0]]}"), ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: inline, rows: []}"), ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: inline, rows: [[1, 0, 1, 0]], shape: [3, 2]}"),
                  ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: inline, rows: [[1, 0, 1, 0]], shape: [4]}"), ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: inline, rows: [[1, 0], [0, 1]], labels: [1]}"),
                  ConfigError);
  CHECK_NOTHROW(make_patterns("{type: inline, rows: [[1, 0, 1, 0]], shape: [2, 2]}"));
}

TEST_CASE("inline patterns refuse a network of another size", "[patterns][inline]") {
  const auto source = make_patterns("{type: inline, rows: [[1, 0, 1]]}");
  CHECK_THROWS_AS(draw(*source, 5, Representation::bipolar), InputError);
}
