#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/io/modules.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/patterns/pattern_set.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <memory>

using namespace hopfield;
using hopfield::io::test::ScratchDir;

namespace {

const std::string data_dir = HOPFIELD_TEST_DATA;
const std::string fashion = "/usr/share/datasets/fashion-mnist/";

/// Validates `yaml` (located in file `name`) as a patterns module and builds it.
std::unique_ptr<PatternSource> make_patterns(const std::string& yaml,
                                             const std::string& name = "test.yaml") {
  config::Registry registry;
  registry.add_family<PatternSource>("patterns", "pattern sources");
  io::register_io_modules(registry);
  config::Node node = io::load_yaml_text(yaml, name);
  node.assign_paths("patterns");
  registry.validate_module(node, "patterns");
  return registry.family<PatternSource>("patterns").make(node);
}

PatternSet draw(const PatternSource& source, Representation r = Representation::bipolar) {
  RandomStream rng(7, Purpose::patterns, 0, 0, 0);
  return source.generate(PatternContext{source.fixed_neurons(), r}, rng);
}

ConfigError config_error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const ConfigError& error) {
    return error;
  }
  FAIL("expected a ConfigError");
  throw std::logic_error("unreachable");
}

std::string tiny(const std::string& what) {
  return "'" + data_dir + "/idx/tiny-" + what + "'";
}

Eigen::RowVectorXf row(std::initializer_list<float> values) {
  Eigen::RowVectorXf r(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (float v : values) r(i++) = v;
  return r;
}

}  // namespace

TEST_CASE("idx patterns take the first images of each class, grouped by class in order",
          "[io][idx][patterns]") {
  const auto source =
      make_patterns("{type: idx, images: " + tiny("images-idx3-ubyte") +
                    ", labels: " + tiny("labels-idx1-ubyte") + ", classes: [1, 0], per_class: 2}");
  CHECK(source->fixed_neurons() == 6);
  CHECK(source->count(6) == 4);
  const PatternSet set = draw(*source);
  CHECK(set.shape == std::vector<int>{2, 3});
  CHECK(set.labels == std::vector<int>{1, 1, 0, 0});
  // Images 1, 4 (class 1) then 0, 2 (class 0), each thresholded at its own mean.
  CHECK(set.xi.row(0).cast<float>() == row({1, -1, 1, -1, 1, -1}));
  CHECK(set.xi.row(1).cast<float>() == row({-1, 1, -1, 1, -1, 1}));
  CHECK(set.xi.row(2).cast<float>() == row({-1, -1, -1, 1, 1, 1}));
  CHECK(set.xi.row(3).cast<float>() == row({-1, -1, -1, -1, -1, 1}));
  const PatternSet binary = draw(*source, Representation::binary);
  CHECK(binary.xi.row(2).cast<float>() == row({0, 0, 0, 1, 1, 1}));
}

TEST_CASE("idx patterns: offset skips images of each class and half thresholds at 128",
          "[io][idx][patterns]") {
  const std::string files =
      "images: " + tiny("images-idx3-ubyte") + ", labels: " + tiny("labels-idx1-ubyte");
  const auto by_mean = make_patterns("{type: idx, " + files + ", classes: 0, offset: 2}");
  REQUIRE(by_mean->count(6) == 1);
  // Image 5 = [130, 0, 0, 0, 0, 0]: only the first pixel is above the mean.
  CHECK(draw(*by_mean).xi.row(0).cast<float>() == row({1, -1, -1, -1, -1, -1}));
  const auto half = make_patterns("{type: idx, " + files +
                                  ", classes: 0, offset: 1, "
                                  "binarize: half}");
  // Image 2 = [100, …, 101]: nothing reaches 128 (the mean rule would turn the last pixel on).
  CHECK(draw(*half).xi.row(0).cast<float>() == row({-1, -1, -1, -1, -1, -1}));
}

TEST_CASE("idx patterns without labels take consecutive images", "[io][idx][patterns]") {
  const auto source = make_patterns("{type: idx, images: " + tiny("images-idx3-ubyte") +
                                    ", per_class: 3, offset: 2}");
  const PatternSet set = draw(*source);
  REQUIRE(set.count() == 3);
  CHECK(set.labels.empty());
  CHECK(set.xi.row(1).cast<float>() == row({-1, -1, -1, 1, 1, 1}));  // image 3 = [1..6], mean 3.5
}

TEST_CASE("idx patterns with labels and no classes keep every class, ascending",
          "[io][idx][patterns]") {
  const auto source = make_patterns("{type: idx, images: " + tiny("images-idx3-ubyte") +
                                    ", labels: " + tiny("labels-idx1-ubyte") + "}");
  CHECK(draw(*source).labels == std::vector<int>{0, 1, 2});
}

TEST_CASE("idx patterns report a missing file at the images key", "[io][idx][patterns]") {
  const auto error = config_error_of(
      [] { (void)make_patterns("type: idx\nimages: no/such/file.gz\n", "cfg.yaml"); });
  CHECK(error.location().file == "cfg.yaml");
  CHECK(error.location().line == 2);
  CHECK(error.location().column == 9);
  CHECK_THAT(error.message(), Catch::Contains("no/such/file.gz"));
}

TEST_CASE("idx patterns reject an empty or too small selection", "[io][idx][patterns]") {
  const std::string files =
      "images: " + tiny("images-idx3-ubyte") + "\nlabels: " + tiny("labels-idx1-ubyte") + "\n";
  const auto none = config_error_of(
      [&] { (void)make_patterns("type: idx\n" + files + "classes: [0, 7]\n", "c.yaml"); });
  CHECK(none.location().line == 4);
  CHECK_THAT(none.message(), Catch::Contains("class 7 has 0 image(s)"));
  const auto few = config_error_of(
      [&] { (void)make_patterns("type: idx\n" + files + "classes: 2\nper_class: 2\n", "c.yaml"); });
  CHECK(few.location().line == 5);
  CHECK_THROWS_AS(
      make_patterns("{type: idx, images: " + tiny("images-idx3-ubyte") + ", classes: [0]}"),
      ConfigError);
  CHECK_THROWS_AS(
      make_patterns("{type: idx, " + files.substr(0, files.find('\n')) + ", per_class: 7}"),
      ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: idx, images: " + tiny("images-idx3-ubyte") +
                                ", labels: " + tiny("labels-idx1-ubyte") + ", classes: [0.5]}"),
                  ConfigError);
}

TEST_CASE("idx patterns resolve a relative path beside the config file", "[io][idx][patterns]") {
  const auto source = make_patterns(
      "{type: idx, images: tiny-images-idx3-ubyte, labels: "
      "tiny-labels-idx1-ubyte, classes: 2}",
      data_dir + "/idx/experiment.yaml");
  CHECK(draw(*source).labels == std::vector<int>{2});
}

TEST_CASE("idx patterns on Fashion-MNIST: 28x28 images, and offset gives other images",
          "[io][idx][patterns][fashion]") {
  if (!std::filesystem::exists(fashion + "t10k-images-idx3-ubyte.gz")) {
    WARN("dataset-fashion-mnist is not installed; skipped");
    return;
  }
  const std::string files = "images: " + fashion + "t10k-images-idx3-ubyte.gz, labels: " + fashion +
                            "t10k-labels-idx1-ubyte.gz";
  const auto stored = make_patterns("{type: idx, " + files + ", classes: [0, 9], per_class: 3}");
  const auto probes =
      make_patterns("{type: idx, " + files + ", classes: [0, 9], per_class: 3, offset: 3}");
  CHECK(stored->fixed_neurons() == 784);
  const PatternSet a = draw(*stored);
  const PatternSet b = draw(*probes);
  CHECK(a.shape == std::vector<int>{28, 28});
  CHECK(a.labels == std::vector<int>{0, 0, 0, 9, 9, 9});
  CHECK(b.labels == a.labels);
  CHECK(((a.xi.array() == 1) || (a.xi.array() == -1)).all());
  for (Eigen::Index mu = 0; mu < a.count(); ++mu) {
    CHECK(a.xi.row(mu) != b.xi.row(mu));
    // A clothing image thresholded at its mean is neither all on nor all off.
    CHECK(a.xi.row(mu).cast<float>().sum() > -784.0F);
    CHECK(a.xi.row(mu).cast<float>().sum() < 784.0F);
  }
}

TEST_CASE("pbm patterns read every bitmap of a directory in name order, black = on",
          "[io][pbm][patterns]") {
  const auto source = make_patterns("{type: pbm, directory: '" + data_dir + "/pbm/letters'}");
  CHECK(source->fixed_neurons() == 30);
  const PatternSet set = draw(*source);
  REQUIRE(set.count() == 2);
  CHECK(set.shape == std::vector<int>{3, 10});
  CHECK(set.xi(0, 0) == 1.0F);  // a_plain row 0: 1000000001
  CHECK(set.xi(0, 1) == -1.0F);
  CHECK(set.xi(0, 9) == 1.0F);
  CHECK(set.xi(1, 0) == -1.0F);  // b_raw row 0: 0110000011
  CHECK(set.xi(1, 1) == 1.0F);
  CHECK(set.xi(1, 29) == 1.0F);  // b_raw row 2 ends in 1

  const auto inverted =
      make_patterns("{type: pbm, directory: '" + data_dir + "/pbm/letters', invert: true}");
  CHECK(draw(*inverted).xi == -set.xi);
}

TEST_CASE("pbm patterns accept an explicit list of files", "[io][pbm][patterns]") {
  const auto source = make_patterns("{type: pbm, directory: '" + data_dir +
                                    "/pbm/letters', files: [b_raw.pbm, a_plain.pbm]}");
  const PatternSet set = draw(*source);
  REQUIRE(set.count() == 2);
  CHECK(set.xi(0, 1) == 1.0F);  // b_raw first
  const auto relative =
      make_patterns("{type: pbm, files: [letters/a_plain.pbm]}", data_dir + "/pbm/c.yaml");
  CHECK(relative->count(0) == 1);
}

TEST_CASE("pbm patterns reject bitmaps of different sizes naming the odd file",
          "[io][pbm][patterns]") {
  ScratchDir dir;
  io::test::write_bytes(dir.file("a.pbm"), "P1 2 2\n1 0 0 1\n");
  io::test::write_bytes(dir.file("b.pbm"), "P1 3 1\n1 0 1\n");
  io::test::write_bytes(dir.file("notes.txt"), "not a bitmap");
  const auto error = config_error_of(
      [&] { (void)make_patterns("{type: pbm, directory: '" + dir.path().string() + "'}"); });
  CHECK_THAT(error.message(), Catch::Contains("b.pbm"));

  ScratchDir empty;
  CHECK_THROWS_AS(make_patterns("{type: pbm, directory: '" + empty.path().string() + "'}"),
                  ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: pbm}"), ConfigError);
  CHECK_THROWS_AS(make_patterns("{type: pbm, directory: /no/such/dir}"), ConfigError);
  io::test::write_bytes(empty.file("bad.pbm"), "P1 2 2\n1 0 0\n");
  CHECK_THROWS_AS(make_patterns("{type: pbm, directory: '" + empty.path().string() + "'}"),
                  ConfigError);
}
