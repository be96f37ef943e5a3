#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/core/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <stdexcept>

using hopfield::ConfigError;
using hopfield::InputError;
using hopfield::config::Node;
using hopfield::io::apply_override;
using hopfield::io::load_yaml_file;
using hopfield::io::load_yaml_text;

namespace {

ConfigError config_error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const ConfigError& error) {
    return error;
  }
  FAIL("expected a ConfigError");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("yaml loader keeps the 1-based line and column of every value and key order",
          "[io][yaml]") {
  const Node root =
      load_yaml_text("seed: 42\nnetwork:\n  neurons: 100\n  tags: [a, 'b']\n", "cfg.yaml");
  REQUIRE(root.is_map());
  REQUIRE(root.entries().size() == 2);
  CHECK(root.entries()[0].first == "seed");
  CHECK(root.entries()[1].first == "network");
  const Node& seed = root.at("seed");
  CHECK(seed.text() == "42");
  CHECK(seed.location().file == "cfg.yaml");
  CHECK(seed.location().line == 1);
  CHECK(seed.location().column == 7);
  const Node& neurons = root.at("network").at("neurons");
  CHECK(neurons.location().line == 3);
  CHECK(neurons.location().column == 12);
  CHECK(neurons.path() == "network.neurons");
  const Node& tags = root.at("network").at("tags");
  REQUIRE(tags.is_sequence());
  REQUIRE(tags.items().size() == 2);
  CHECK(tags.items()[1].path() == "network.tags[1]");
  CHECK(tags.items()[1].location().line == 4);
  CHECK(tags.items()[1].location().column == 13);
}

TEST_CASE("yaml loader marks quoted scalars and keeps plain ones unquoted", "[io][yaml]") {
  const Node root = load_yaml_text("a: 1\nb: '1'\nc: \"true\"\nd: !!str 5\ne: plain\n", "t");
  CHECK_FALSE(root.at("a").quoted());
  CHECK(root.at("b").quoted());
  CHECK(root.at("c").quoted());
  CHECK(root.at("d").quoted());
  CHECK_FALSE(root.at("e").quoted());
  CHECK(root.at("b").text() == "1");
}

TEST_CASE("yaml loader turns ~, null and empty values into null nodes", "[io][yaml]") {
  const Node root = load_yaml_text("a: ~\nb: null\nc:\nd: 'null'\n", "t");
  CHECK(root.at("a").is_null());
  CHECK(root.at("b").is_null());
  CHECK(root.at("c").is_null());
  CHECK(root.at("d").is_scalar());
}

TEST_CASE("yaml loader rejects a duplicate key at its second occurrence", "[io][yaml]") {
  const auto error = config_error_of(
      [] { (void)load_yaml_text("a: 1\nnested:\n  x: 1\n  y: 2\n  x: 3\n", "dup.yaml"); });
  CHECK(error.location().file == "dup.yaml");
  CHECK(error.location().line == 5);
  CHECK(error.location().column == 3);
  CHECK_THAT(error.message(), Catch::Contains("duplicate key 'x'"));
}

TEST_CASE("yaml loader reports a syntax error with file, line and column", "[io][yaml]") {
  const auto error =
      config_error_of([] { (void)load_yaml_text("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml"); });
  CHECK(error.location().file == "bad.yaml");
  CHECK(error.location().line >= 2);
  CHECK(error.location().column >= 1);
  CHECK_THAT(error.what(), Catch::StartsWith("bad.yaml:"));
}

TEST_CASE("yaml loader rejects a mapping key that is not a scalar", "[io][yaml]") {
  const auto error = config_error_of([] { (void)load_yaml_text("? [1, 2]\n: 3\n", "k.yaml"); });
  CHECK(error.location().line == 1);
}

TEST_CASE("yaml loader rejects a file of several documents", "[io][yaml]") {
  CHECK_THROWS_WITH(load_yaml_text("a: 1\n---\nb: 2\n", "multi.yaml"),
                    Catch::Contains("multi.yaml:2:1") && Catch::Contains("second YAML document"));
  CHECK_THROWS_AS(load_yaml_text("---\n---\n", "empty_documents.yaml"), ConfigError);
}

TEST_CASE("yaml loader refuses a stray token instead of looping forever", "[io][yaml]") {
  // yaml-cpp 0.7's LoadAll never returns on these (jbeder/yaml-cpp#1040); found by fuzzing.
  for (const char* text : {",", "a: 1\n,\n", "- x\n,", ",\n---\n"}) {
    INFO(text);
    CHECK_THROWS_AS(load_yaml_text(text, "stray.yaml"), ConfigError);
  }
  CHECK_THROWS_WITH(load_yaml_text(",", "stray.yaml"),
                    Catch::Contains("stray.yaml:1:1") && Catch::Contains("unexpected ','"));
}

TEST_CASE("load_yaml_file names the file in locations and a missing file in the error",
          "[io][yaml]") {
  hopfield::io::test::ScratchDir dir;
  const std::string path = dir.file("config.yaml");
  hopfield::io::test::write_bytes(path, "experiment: recall\nseed: 7\n");
  const Node root = load_yaml_file(path);
  CHECK(root.at("seed").location().file == path);
  CHECK(root.at("seed").location().line == 2);

  const std::string missing = dir.file("absent.yaml");
  try {
    (void)load_yaml_file(missing);
    FAIL("expected an InputError");
  } catch (const InputError& error) {
    CHECK_THAT(error.what(), Catch::Contains(missing));
  }
  CHECK_THROWS_AS(load_yaml_file(dir.path().string()), InputError);
}

TEST_CASE("--set replaces a scalar and locates the new value at the override", "[io][yaml]") {
  Node root = load_yaml_text("dynamics:\n  type: async\n  max_sweeps: 10\n", "c.yaml");
  apply_override(root, "dynamics.type=sync");
  const Node& type = root.at("dynamics").at("type");
  CHECK(type.text() == "sync");
  CHECK(type.location().file == "--set dynamics.type=sync");
  CHECK(type.location().line == 0);
  CHECK(type.path() == "dynamics.type");
  // The key keeps its position and the other keys are untouched.
  CHECK(root.at("dynamics").entries()[0].first == "type");
  CHECK(root.at("dynamics").at("max_sweeps").location().file == "c.yaml");
}

TEST_CASE("--set parses the value as YAML, so a whole mapping can be given", "[io][yaml]") {
  Node root = load_yaml_text("learning: {type: hebbian}\n", "c.yaml");
  apply_override(root, "learning={type: covariance, scale: 2}");
  const Node& learning = root.at("learning");
  REQUIRE(learning.is_map());
  CHECK(learning.at("type").text() == "covariance");
  CHECK(learning.at("scale").text() == "2");
  CHECK(learning.at("scale").path() == "learning.scale");
  CHECK(learning.at("scale").location().file == "--set learning={type: covariance, scale: 2}");
}

TEST_CASE("--set addresses list items by index", "[io][yaml]") {
  Node root = load_yaml_text("noise:\n  - {type: flip, fraction: 0.1}\n", "c.yaml");
  apply_override(root, "noise[0].fraction=0.2");
  CHECK(root.at("noise").items()[0].at("fraction").text() == "0.2");
  CHECK(root.at("noise").items()[0].at("fraction").path() == "noise[0].fraction");
  apply_override(root, "noise[0]={type: mask}");
  CHECK(root.at("noise").items()[0].at("type").text() == "mask");
}

TEST_CASE("--set creates missing intermediate mappings", "[io][yaml]") {
  Node root = load_yaml_text("seed: 1\n", "c.yaml");
  apply_override(root, "output.path=results/x.h5");
  CHECK(root.at("output").at("path").text() == "results/x.h5");
  CHECK(root.at("output").at("path").path() == "output.path");
  Node empty = load_yaml_text("", "empty.yaml");
  apply_override(empty, "a.b=3");
  CHECK(empty.at("a").at("b").text() == "3");
}

TEST_CASE("--set on a bare module name expands it to {type: name}", "[io][yaml]") {
  Node root = load_yaml_text("learning: storkey\n", "c.yaml");
  apply_override(root, "learning.scale=2");
  CHECK(root.at("learning").at("type").text() == "storkey");
  CHECK(root.at("learning").at("scale").text() == "2");
}

TEST_CASE("--set rejects an index past the end of a list and a malformed assignment",
          "[io][yaml]") {
  Node root = load_yaml_text("noise: [{type: flip}]\nseed: 1\n", "c.yaml");
  const auto past = config_error_of([&] { apply_override(root, "noise[1].fraction=0.2"); });
  CHECK(past.location().file == "--set noise[1].fraction=0.2");
  CHECK_THAT(past.message(), Catch::Contains("past the end"));

  const auto malformed = config_error_of([&] { apply_override(root, "seed"); });
  CHECK(malformed.location().file == "--set");
  CHECK(malformed.location().line == 0);
  CHECK(malformed.location().column == 0);

  CHECK_THROWS_AS(apply_override(root, "=3"), ConfigError);
  CHECK_THROWS_AS(apply_override(root, "seed[0]=3"), ConfigError);
  CHECK_THROWS_AS(apply_override(root, "noise[x]=3"), ConfigError);
  CHECK_THROWS_AS(apply_override(root, "seed=[1, 2"), ConfigError);
  CHECK(root.at("seed").text() == "1");
}
