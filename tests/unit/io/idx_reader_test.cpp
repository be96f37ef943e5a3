#include "hopfield/io/idx_reader.hpp"
#include "hopfield/core/error.hpp"
#include "test_support.hpp"

#include <zlib.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>

using hopfield::InputError;
using hopfield::io::read_idx;
using hopfield::io::read_idx_images;
using hopfield::io::read_idx_labels;
using hopfield::io::test::read_bytes;
using hopfield::io::test::ScratchDir;
using hopfield::io::test::write_bytes;

namespace {

const std::string tiny_images = std::string(HOPFIELD_TEST_DATA) + "/idx/tiny-images-idx3-ubyte";
const std::string tiny_labels = std::string(HOPFIELD_TEST_DATA) + "/idx/tiny-labels-idx1-ubyte";
const std::string fashion = "/usr/share/datasets/fashion-mnist/";

void write_gz(const std::string& path, const std::string& bytes) {
  gzFile file = gzopen(path.c_str(), "wb");
  REQUIRE(file != nullptr);
  REQUIRE(gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size())) ==
          static_cast<int>(bytes.size()));
  gzclose(file);
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.what();
  }
  FAIL("expected an InputError");
  return "";
}

}  // namespace

TEST_CASE("idx reader reads the shape and the pixels of an image file", "[io][idx]") {
  const auto images = read_idx_images(tiny_images);
  CHECK(images.count == 6);
  CHECK(images.rows == 2);
  CHECK(images.cols == 3);
  REQUIRE(images.pixels.size() == 36);
  CHECK(images.image(0)[5] == 220);
  CHECK(images.image(1)[0] == 255);
  CHECK(images.image(5)[0] == 130);
  const auto labels = read_idx_labels(tiny_labels);
  CHECK(labels == std::vector<std::uint8_t>{0, 1, 0, 2, 1, 0});
}

TEST_CASE("idx reader reads gzipped files the same as plain ones", "[io][idx]") {
  ScratchDir dir;
  const std::string gz = dir.file("tiny-images-idx3-ubyte.gz");
  write_gz(gz, read_bytes(tiny_images));
  CHECK(read_bytes(gz) != read_bytes(tiny_images));
  CHECK(read_idx_images(gz).pixels == read_idx_images(tiny_images).pixels);
}

TEST_CASE("idx reader rejects bad magic, truncated data and trailing bytes", "[io][idx]") {
  ScratchDir dir;
  const std::string good = read_bytes(tiny_images);

  const std::string bad_magic = dir.file("bad-magic");
  write_bytes(bad_magic, std::string("\x01\x00\x08\x03", 4) + good.substr(4));
  std::string message = error_of([&] { (void)read_idx(bad_magic); });
  CHECK_THAT(message, Catch::Contains(bad_magic) && Catch::Contains("magic"));

  const std::string int_type = dir.file("int-type");
  write_bytes(int_type, std::string("\x00\x00\x0c\x03", 4) + good.substr(4));
  CHECK_THAT(error_of([&] { (void)read_idx(int_type); }), Catch::Contains("not supported"));

  const std::string truncated = dir.file("truncated");
  write_bytes(truncated, good.substr(0, good.size() - 1));
  message = error_of([&] { (void)read_idx_images(truncated); });
  CHECK_THAT(message, Catch::Contains(truncated) && Catch::Contains("truncated"));

  const std::string short_header = dir.file("short-header");
  write_bytes(short_header, good.substr(0, 10));
  CHECK_THAT(error_of([&] { (void)read_idx(short_header); }), Catch::Contains("truncated"));

  const std::string trailing = dir.file("trailing");
  write_bytes(trailing, good + "x");
  CHECK_THAT(error_of([&] { (void)read_idx(trailing); }), Catch::Contains("after"));

  const std::string truncated_gz = dir.file("truncated.gz");
  write_gz(truncated_gz, good.substr(0, 20));
  CHECK_THAT(error_of([&] { (void)read_idx(truncated_gz); }), Catch::Contains("truncated"));

  CHECK_THAT(error_of([&] { (void)read_idx(dir.file("absent")); }),
             Catch::Contains(dir.file("absent")));
}

TEST_CASE("idx reader rejects labels where images are expected and vice versa", "[io][idx]") {
  CHECK_THROWS_AS(read_idx_images(tiny_labels), InputError);
  CHECK_THROWS_AS(read_idx_labels(tiny_images), InputError);
}

TEST_CASE("idx reader rejects a label file whose count differs from the images", "[io][idx]") {
  ScratchDir dir;
  const std::string labels = dir.file("five-labels");
  write_bytes(labels, std::string("\x00\x00\x08\x01\x00\x00\x00\x05\x00\x01\x00\x02\x01", 13));
  std::vector<std::uint8_t> out;
  const std::string message = error_of([&] { (void)read_idx_images(tiny_images, labels, out); });
  CHECK_THAT(message,
             Catch::Contains(labels) && Catch::Contains("5 labels") && Catch::Contains("6 images"));
  const auto images = read_idx_images(tiny_images, tiny_labels, out);
  CHECK(out.size() == images.count);
}

TEST_CASE("idx reader reads the Fashion-MNIST test set", "[io][idx][fashion]") {
  const std::string images_path = fashion + "t10k-images-idx3-ubyte.gz";
  if (!std::filesystem::exists(images_path)) {
    WARN("dataset-fashion-mnist is not installed; skipped");
    return;
  }
  std::vector<std::uint8_t> labels;
  const auto images = read_idx_images(images_path, fashion + "t10k-labels-idx1-ubyte.gz", labels);
  CHECK(images.count == 10000);
  CHECK(images.rows == 28);
  CHECK(images.cols == 28);
  REQUIRE(labels.size() == 10000);
  // The first test images are an ankle boot (9), a pullover (2) and two trousers (1).
  CHECK(labels[0] == 9);
  CHECK(labels[1] == 2);
  CHECK(labels[2] == 1);
  CHECK(labels[3] == 1);
}
