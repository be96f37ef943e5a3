#include "hopfield/io/yaml_emitter.hpp"
#include "hopfield/io/yaml_loader.hpp"

#include <catch2/catch.hpp>

using hopfield::config::Node;
using hopfield::io::load_yaml_text;
using hopfield::io::to_yaml;

namespace {

void require_same_tree(const Node& a, const Node& b) {
  INFO("at '" << a.path() << "'");
  REQUIRE(a.kind() == b.kind());
  switch (a.kind()) {
    case Node::Kind::null:
      break;
    case Node::Kind::scalar:
      CHECK(a.text() == b.text());
      CHECK(a.quoted() == b.quoted());
      break;
    case Node::Kind::sequence:
      REQUIRE(a.items().size() == b.items().size());
      for (std::size_t i = 0; i < a.items().size(); ++i)
        require_same_tree(a.items()[i], b.items()[i]);
      break;
    case Node::Kind::map:
      REQUIRE(a.entries().size() == b.entries().size());
      for (std::size_t i = 0; i < a.entries().size(); ++i) {
        CHECK(a.entries()[i].first == b.entries()[i].first);
        require_same_tree(a.entries()[i].second, b.entries()[i].second);
      }
      break;
  }
}

}  // namespace

TEST_CASE("to_yaml round trips a config through load_yaml_text unchanged", "[io][yaml]") {
  const std::string text = R"(experiment: {type: recall, probes: all, success_overlap: 0.95}
seed: 42
network: {neurons: 1000, representation: bipolar, threshold: 0.0}
patterns: {type: random, alpha: 0.1}
noise:
  - {type: flip, fraction: 0.1}
  - mask
measure: [overlap, energy, sweeps]
flow_quoting: ["a, b", "[x]", plain, '{y}', ~]
rows: [[1, 0, 1], [0, 1, 1]]
quoted: {a: '1', b: "true", c: "null", d: "a: b", e: "#hash", f: " lead", g: "", h: 'it''s'}
nothing: ~
empty_list: []
empty_map: {}
nested: [[1, 2], [3, {x: y}]]
"key with space": 1
unicode: "α = P/N"
sweep:
  grid: {patterns.alpha: {linspace: [0.02, 0.2, 10]}, learning.type: [hebbian, storkey]}
)";
  const Node original = load_yaml_text(text, "orig.yaml");
  const std::string emitted = to_yaml(original);
  INFO(emitted);
  const Node again = load_yaml_text(emitted, "emitted.yaml");
  require_same_tree(original, again);
  // And emitting is a fixed point.
  CHECK(to_yaml(again) == emitted);
}

TEST_CASE("to_yaml writes block style with keys in their order and scalar lists inline",
          "[io][yaml]") {
  const Node root = load_yaml_text(
      "network: {neurons: 100, representation: binary}\nseed: 3\nmeasure: [overlap, energy]\n"
      "noise:\n  - {type: flip, fraction: 0.1}\nempty: {}\n",
      "c.yaml");
  CHECK(to_yaml(root) ==
        "network:\n  neurons: 100\n  representation: binary\nseed: 3\nmeasure: [overlap, "
        "energy]\nnoise:\n  - type: flip\n    fraction: 0.1\nempty: {}\n");
}
