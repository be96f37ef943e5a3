// IDX (MNIST) reader with validation; gzip handled by zlib's gzread.
#include "hopfield/io/idx_reader.hpp"

#include "hopfield/core/error.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>

namespace hopfield::io {
namespace {

constexpr std::uint8_t unsigned_byte_type = 0x08;
// Far larger than any real image set; guards against a corrupt header asking for terabytes.
constexpr std::size_t max_elements = std::size_t{1} << 36U;

struct GzCloser {
  void operator()(gzFile_s* file) const { gzclose(file); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw InputError(fmt::format("IDX file '{}': {}", path, what));
}

// Reads up to size bytes; returns how many were read (fewer only at the end of the data).
std::size_t read_bytes(gzFile file, const std::string& path, std::uint8_t* out, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const auto want =
        static_cast<unsigned>(std::min<std::size_t>(size - done, std::size_t{1} << 24U));
    const int got = gzread(file, out + done, want);
    if (got < 0) {
      int code = 0;
      const char* message = gzerror(file, &code);
      fail(path, fmt::format("read error: {}", message));
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

std::uint32_t big_endian(const std::uint8_t* bytes) {
  return (std::uint32_t{bytes[0]} << 24U) | (std::uint32_t{bytes[1]} << 16U) |
         (std::uint32_t{bytes[2]} << 8U) | std::uint32_t{bytes[3]};
}

}  // namespace

IdxArray read_idx(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) fail(path, "no such file");
  GzFile file(gzopen(path.c_str(), "rb"));
  if (!file) fail(path, fmt::format("cannot open: {}", std::strerror(errno)));

  std::array<std::uint8_t, 4> magic{};
  if (read_bytes(file.get(), path, magic.data(), magic.size()) != magic.size()) {
    fail(path, "truncated header (shorter than the 4-byte magic number)");
  }
  if (magic[0] != 0 || magic[1] != 0 || magic[3] == 0) {
    fail(path,
         fmt::format("bad magic number 0x{:08x} (not an IDX file)", big_endian(magic.data())));
  }
  if (magic[2] != unsigned_byte_type) {
    fail(path, fmt::format("element type 0x{:02x} is not supported (only unsigned bytes, 0x08)",
                           magic[2]));
  }

  IdxArray array;
  std::size_t elements = 1;
  for (unsigned d = 0; d < magic[3]; ++d) {
    std::array<std::uint8_t, 4> size{};
    if (read_bytes(file.get(), path, size.data(), size.size()) != size.size()) {
      fail(path, "truncated header (missing dimension sizes)");
    }
    array.dims.push_back(big_endian(size.data()));
    if (array.dims.back() != 0 && elements > max_elements / array.dims.back()) {
      fail(path, "dimension sizes are implausibly large (corrupt header?)");
    }
    elements *= array.dims.back();
  }

  // Grow as data arrives, so a corrupt header cannot make us allocate what is not there.
  constexpr std::size_t block = std::size_t{1} << 22U;
  while (array.data.size() < elements) {
    const std::size_t offset = array.data.size();
    const std::size_t want = std::min(block, elements - offset);
    array.data.resize(offset + want);
    const std::size_t got = read_bytes(file.get(), path, array.data.data() + offset, want);
    if (got < want) {
      fail(path, fmt::format("truncated data: the header announces {} bytes, the file has {}",
                             elements, offset + got));
    }
  }
  std::uint8_t extra = 0;
  if (read_bytes(file.get(), path, &extra, 1) != 0) {
    fail(path, fmt::format("unexpected data after the {} bytes the header announces", elements));
  }
  return array;
}

IdxImages read_idx_images(const std::string& path) {
  IdxArray array = read_idx(path);
  if (array.dims.size() != 3) {
    fail(path, fmt::format("expected images (magic 0x00000803, 3 dimensions), found {} "
                           "dimension(s)",
                           array.dims.size()));
  }
  IdxImages images;
  images.count = array.dims[0];
  images.rows = array.dims[1];
  images.cols = array.dims[2];
  images.pixels = std::move(array.data);
  return images;
}

std::vector<std::uint8_t> read_idx_labels(const std::string& path) {
  IdxArray array = read_idx(path);
  if (array.dims.size() != 1) {
    fail(path, fmt::format("expected labels (magic 0x00000801, 1 dimension), found {} "
                           "dimensions",
                           array.dims.size()));
  }
  return std::move(array.data);
}

IdxImages read_idx_images(const std::string& images_path, const std::string& labels_path,
                          std::vector<std::uint8_t>& labels) {
  IdxImages images = read_idx_images(images_path);
  labels = read_idx_labels(labels_path);
  if (labels.size() != images.count) {
    throw InputError(
        fmt::format("IDX label file '{}' has {} labels but image file '{}' has {} "
                    "images",
                    labels_path, labels.size(), images_path, images.count));
  }
  return images;
}

}  // namespace hopfield::io
