#include "hopfield/io/pbm_reader.hpp"
#include "hopfield/core/error.hpp"

#include <catch2/catch.hpp>

#include <functional>

using hopfield::InputError;
using hopfield::io::Bitmap;
using hopfield::io::parse_pbm;
using hopfield::io::read_pbm;

namespace {

const std::string letters = std::string(HOPFIELD_TEST_DATA) + "/pbm/letters/";

std::string row_of(const Bitmap& bitmap, int row) {
  std::string out;
  for (int col = 0; col < bitmap.width; ++col) out += bitmap.at(row, col) ? '1' : '0';
  return out;
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

TEST_CASE("pbm reader reads a plain P1 bitmap with comments", "[io][pbm]") {
  const Bitmap bitmap = read_pbm(letters + "a_plain.pbm");
  CHECK(bitmap.width == 10);
  CHECK(bitmap.height == 3);
  CHECK(row_of(bitmap, 0) == "1000000001");
  CHECK(row_of(bitmap, 1) == "0100000010");
  CHECK(row_of(bitmap, 2) == "0011111100");
}

TEST_CASE("pbm reader reads a raw P4 bitmap whose rows are padded to bytes", "[io][pbm]") {
  const Bitmap bitmap = read_pbm(letters + "b_raw.pbm");
  CHECK(bitmap.width == 10);
  CHECK(bitmap.height == 3);
  CHECK(row_of(bitmap, 0) == "0110000011");
  CHECK(row_of(bitmap, 1) == "1111111111");
  CHECK(row_of(bitmap, 2) == "0000000001");
}

TEST_CASE("pbm reader accepts P1 pixels written without separators", "[io][pbm]") {
  const Bitmap bitmap = parse_pbm("P1 3 2\n101\n010", "inline");
  CHECK(row_of(bitmap, 0) == "101");
  CHECK(row_of(bitmap, 1) == "010");
}

TEST_CASE("pbm reader rejects malformed bitmaps naming the file", "[io][pbm]") {
  CHECK_THAT(error_of([] { (void)parse_pbm("P2 2 2\n0 1 1 0", "gray.pgm"); }),
             Catch::Contains("gray.pgm") && Catch::Contains("P1"));
  CHECK_THAT(error_of([] { (void)parse_pbm("P1 2 2\n0 1 1", "short.pbm"); }),
             Catch::Contains("truncated"));
  CHECK_THAT(error_of([] { (void)parse_pbm("P1 2 1\n0 2", "digit.pbm"); }), Catch::Contains("'2'"));
  CHECK_THAT(error_of([] { (void)parse_pbm("P1 0 2\n", "zero.pbm"); }), Catch::Contains("0"));
  CHECK_THAT(error_of([] { (void)parse_pbm("P1 2\n", "noheight.pbm"); }),
             Catch::Contains("height"));
  CHECK_THAT(error_of([] { (void)parse_pbm("P1 1 1\n1 1", "extra.pbm"); }),
             Catch::Contains("after"));
  CHECK_THAT(error_of([] { (void)parse_pbm(std::string("P4\n10 2\n\xff", 9), "raw.pbm"); }),
             Catch::Contains("truncated"));
  CHECK_THAT(error_of([] { (void)parse_pbm(std::string("P4\n8 1\n\xff\xff", 9), "raw.pbm"); }),
             Catch::Contains("unexpected"));
  CHECK_THAT(error_of([] { (void)parse_pbm("P1 99999999 1\n", "huge.pbm"); }),
             Catch::Contains("larger"));
  CHECK_THAT(error_of([] { (void)read_pbm(letters + "absent.pbm"); }),
             Catch::Contains("absent.pbm"));
}
