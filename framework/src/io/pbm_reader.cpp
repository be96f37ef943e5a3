// Netpbm P1/P4 reader with validation.
#include "hopfield/io/pbm_reader.hpp"

#include "hopfield/core/error.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hopfield::io {
namespace {

// Generous bound on a side: patterns are small, and a corrupt header must not allocate gigabytes.
constexpr long max_side = 1L << 15;

class Scanner {
 public:
  Scanner(const std::string& bytes, const std::string& name) : bytes_(bytes), name_(name) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(fmt::format("PBM file '{}': {}", name_, what));
  }
  // Whitespace and comments (from '#' to the end of the line).
  void skip_space() {
    while (pos_ < bytes_.size()) {
      const char c = bytes_[pos_];
      if (c == '#') {
        while (pos_ < bytes_.size() && bytes_[pos_] != '\n' && bytes_[pos_] != '\r') ++pos_;
      } else if (std::isspace(static_cast<unsigned char>(c)) != 0) {
        ++pos_;
      } else {
        return;
      }
    }
  }
  int number(const char* what) {
    skip_space();
    if (at_end() || std::isdigit(static_cast<unsigned char>(peek())) == 0) {
      fail(fmt::format("expected the {} (a positive integer) in the header", what));
    }
    long value = 0;
    while (!at_end() && std::isdigit(static_cast<unsigned char>(peek())) != 0) {
      value = value * 10 + (take() - '0');
      if (value > max_side) fail(fmt::format("the {} is larger than {}", what, max_side));
    }
    if (value == 0) fail(fmt::format("the {} is 0", what));
    return static_cast<int>(value);
  }
  [[nodiscard]] bool at_end() const { return pos_ >= bytes_.size(); }
  [[nodiscard]] char peek() const { return bytes_[pos_]; }
  char take() { return bytes_[pos_++]; }
  [[nodiscard]] std::size_t remaining() const { return bytes_.size() - pos_; }

 private:
  const std::string& bytes_;
  const std::string& name_;
  std::size_t pos_ = 0;
};

void read_plain(Scanner& in, Bitmap& bitmap) {
  const std::size_t pixels =
      static_cast<std::size_t>(bitmap.width) * static_cast<std::size_t>(bitmap.height);
  // Every pixel takes at least one byte: a header promising more than the file holds is refused
  // before anything is allocated.
  in.skip_space();
  if (in.remaining() < pixels) {
    in.fail(fmt::format("truncated: the header announces {}×{} = {} pixels", bitmap.width,
                        bitmap.height, pixels));
  }
  bitmap.bits.assign(pixels, 0);
  for (auto& bit : bitmap.bits) {
    in.skip_space();
    if (in.at_end()) {
      in.fail(fmt::format("truncated: the header announces {}×{} = {} pixels", bitmap.width,
                          bitmap.height, bitmap.bits.size()));
    }
    const char c = in.take();
    if (c != '0' && c != '1') {
      in.fail(fmt::format("unexpected character '{}' among the pixels (P1 pixels are 0 or 1)", c));
    }
    bit = c == '1' ? 1 : 0;
  }
  in.skip_space();
  if (!in.at_end()) in.fail("unexpected data after the last pixel");
}

void read_raw(Scanner& in, Bitmap& bitmap) {
  // Exactly one whitespace character separates the header from the raster.
  if (in.at_end() || std::isspace(static_cast<unsigned char>(in.peek())) == 0) {
    in.fail("expected a single whitespace character after the height");
  }
  in.take();
  const auto width = static_cast<std::size_t>(bitmap.width);
  const std::size_t row_bytes = (width + 7) / 8;
  const std::size_t needed = row_bytes * static_cast<std::size_t>(bitmap.height);
  if (in.remaining() < needed) {
    in.fail(fmt::format("truncated: {}×{} pixels need {} bytes of raster, the file has {}",
                        bitmap.width, bitmap.height, needed, in.remaining()));
  }
  if (in.remaining() > needed) {
    in.fail(fmt::format("{} unexpected bytes after the raster", in.remaining() - needed));
  }
  bitmap.bits.assign(width * static_cast<std::size_t>(bitmap.height), 0);
  for (int row = 0; row < bitmap.height; ++row) {
    std::size_t col = 0;
    for (std::size_t b = 0; b < row_bytes; ++b) {
      const auto byte = static_cast<unsigned char>(in.take());
      for (unsigned bit = 0; bit < 8 && col < width; ++bit, ++col) {
        bitmap.bits[static_cast<std::size_t>(row) * width + col] = (byte >> (7U - bit)) & 1U;
      }
    }
  }
}

}  // namespace

Bitmap parse_pbm(const std::string& bytes, const std::string& name) {
  Scanner in(bytes, name);
  if (bytes.size() < 2 || bytes[0] != 'P' || (bytes[1] != '1' && bytes[1] != '4')) {
    in.fail("not a PBM bitmap (expected magic 'P1' or 'P4')");
  }
  const bool raw = bytes[1] == '4';
  in.take();
  in.take();
  if (!in.at_end() && std::isspace(static_cast<unsigned char>(in.peek())) == 0 &&
      in.peek() != '#') {
    in.fail("expected whitespace after the magic number");
  }
  Bitmap bitmap;
  bitmap.width = in.number("width");
  bitmap.height = in.number("height");
  if (raw) {
    read_raw(in, bitmap);
  } else {
    read_plain(in, bitmap);
  }
  return bitmap;
}

Bitmap read_pbm(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InputError(fmt::format("PBM file '{}': no such file", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("PBM file '{}': cannot open: {}", path, std::strerror(errno)));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw InputError(fmt::format("PBM file '{}': read error", path));
  return parse_pbm(bytes.str(), path);
}

}  // namespace hopfield::io
