// Representation names, bipolar images and error locations.
#include "hopfield/core/error.hpp"
#include "hopfield/core/state.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace hopfield;

TEST_CASE("representation names round-trip and unknown names are rejected", "[core][state]") {
  for (const auto r : {Representation::bipolar, Representation::binary})
    CHECK(parse_representation(to_string(r)) == r);
  CHECK_THROWS_AS(parse_representation("ising"), std::invalid_argument);
}

TEST_CASE("bipolar image maps binary 0/1 to -1/+1 and leaves bipolar states alone",
          "[core][state]") {
  State b(4);
  b << 0, 1, 1, 0;
  Eigen::VectorXf expected(4);
  expected << -1, 1, 1, -1;
  CHECK(bipolar_image(b, Representation::binary) == expected);
  CHECK(bipolar_image(expected, Representation::bipolar) == expected);
  CHECK(flipped(0.0F, Representation::binary) == 1.0F);
  CHECK(flipped(-1.0F, Representation::bipolar) == 1.0F);
}

TEST_CASE("locations print as file:line:col and omit an unknown line", "[core][error]") {
  CHECK(Location{"cfg.yaml", 3, 7}.str() == "cfg.yaml:3:7");
  CHECK(Location{"cfg.yaml", 0, 0}.str() == "cfg.yaml");
  CHECK(Location{"", 0, 0}.str() == "<command line>");
}

TEST_CASE("a config error's message starts with its location", "[core][error]") {
  const ConfigError e(Location{"a.yaml", 2, 5}, "network.neurons: must be positive");
  CHECK(std::string(e.what()) == "a.yaml:2:5: network.neurons: must be positive");
  CHECK(e.message() == "network.neurons: must be positive");
  CHECK(e.location().line == 2);
}
