// Fuzz target: our validation layer over HDF5 pattern input (`patterns: {type: hdf5}`), not
// libhdf5's file parser. The input describes a well-formed HDF5 file — element type, rank,
// extents (up to 2^23 along one axis, written or left to the fill value), values (0, ±1 and
// values that must be refused: 2, 0.5, NaN, ∞, …), an optional /results/patterns_stored and the
// module's point/trial/count keys — which the harness writes with the HDF5 C API. The config
// must then be accepted with ±1/0-1 patterns of the dataset's width, or refused with a
// ConfigError; never a crash, another exception, or an allocation beyond the memory estimate.
// (hdf5_file.cpp feeds raw bytes to libhdf5 itself; crashes there are libhdf5's.)
#include "fuzz_support.hpp"

#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/yaml_loader.hpp"

#include <hdf5.h>

#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace {

class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint8_t next() { return at_ < size_ ? data_[at_++] : 0; }
  [[nodiscard]] bool empty() const { return at_ >= size_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

hsize_t extent(std::uint8_t b) {
  // Mostly small; the top values give long axes that are cheap in the file (fill value).
  return b < 240 ? b % 6 : hsize_t{1} << (8 + (b - 240) % 16);
}

double value(std::uint8_t b) {
  static constexpr std::array<double, 12> table{0.0,
                                                1.0,
                                                -1.0,
                                                1.0,
                                                0.0,
                                                -1.0,
                                                2.0,
                                                0.5,
                                                -0.0,
                                                std::numeric_limits<double>::quiet_NaN(),
                                                std::numeric_limits<double>::infinity(),
                                                255.0};
  return b < 240 ? table[b % table.size()] : static_cast<double>(static_cast<std::int8_t>(b));
}

hid_t element_type(std::uint8_t b) {
  switch (b % 8) {
    case 0:
      return H5T_NATIVE_DOUBLE;
    case 1:
      return H5T_NATIVE_FLOAT;
    case 2:
      return H5T_NATIVE_INT64;
    case 3:
      return H5T_NATIVE_INT32;
    case 4:
      return H5T_NATIVE_INT8;
    case 5:
      return H5T_NATIVE_UINT8;
    case 6:
      return H5T_NATIVE_UINT64;
    default:
      return H5T_C_S1;  // a fixed-length string type: not numeric
  }
}

/// Writes dataset `name` of the given extents; values come from the input (converted by HDF5
/// from double to the element type) unless `fill_only`.
void write_dataset(hid_t file, const char* name, hid_t type, const std::vector<hsize_t>& dims,
                   bool fill_only, Bytes& in) {
  hsize_t count = 1;
  for (const auto d : dims) count *= d;
  const hid_t space = dims.empty()
                          ? H5Screate(H5S_SCALAR)
                          : H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
  const hid_t lcpl = H5Pcreate(H5P_LINK_CREATE);
  H5Pset_create_intermediate_group(lcpl, 1);
  const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  if (!dims.empty() && count > 0) {
    std::vector<hsize_t> chunk(dims.size());
    for (std::size_t i = 0; i < dims.size(); ++i) chunk[i] = std::min<hsize_t>(dims[i], 64);
    H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data());
  }
  hid_t file_type = type;
  if (type == H5T_C_S1) {
    file_type = H5Tcopy(H5T_C_S1);
    H5Tset_size(file_type, 4);
  }
  const hid_t dataset = H5Dcreate2(file, name, file_type, space, lcpl, dcpl, H5P_DEFAULT);
  if (dataset >= 0 && !fill_only && count > 0 && count <= (1U << 16) && type != H5T_C_S1) {
    std::vector<double> values(count);
    for (auto& v : values) v = value(in.next());
    // Out-of-range conversions (NaN or 2.5 to an integer) are HDF5's business: let it clip.
    const hid_t xfer = H5Pcreate(H5P_DATASET_XFER);
    H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, xfer, values.data());
    H5Pclose(xfer);
  }
  if (dataset >= 0) H5Dclose(dataset);
  if (file_type != type) H5Tclose(file_type);
  H5Pclose(dcpl);
  H5Pclose(lcpl);
  H5Sclose(space);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hopfield;
  static const auto registry = make_registry();
  static const std::string path = fuzz::scratch_file(".h5");
  static const bool quiet = [] { return H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr) >= 0; }();
  (void)quiet;
  Bytes in(data, size);
  const hid_t type = element_type(in.next());
  const std::size_t rank = in.next() % 6;
  std::vector<hsize_t> dims(rank);
  for (auto& d : dims) d = extent(in.next());
  const std::uint8_t flags = in.next();
  const bool fill_only = (flags & 1U) != 0;
  const bool stored = (flags & 2U) != 0;
  const char* name = (flags & 4U) != 0 ? "/patterns/xi" : "/x";
  const bool binary = (flags & 8U) != 0;
  const bool give_count = (flags & 16U) != 0;
  const int point = in.next() % 4;
  const int trial = in.next() % 4;
  const int count = 1 + in.next() % 8;
  std::vector<hsize_t> stored_dims{in.next() % 4U, in.next() % 4U};

  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (file < 0) fuzz::violated("cannot create the scratch HDF5 file");
  if (stored)
    write_dataset(file, "/results/patterns_stored", H5T_NATIVE_INT64, stored_dims, false, in);
  write_dataset(file, name, type, dims, fill_only, in);
  H5Fclose(file);

  std::string yaml = "network: {representation: " + std::string(binary ? "binary" : "bipolar") +
                     "}\npatterns: {type: hdf5, file: '" + path +
                     "', dataset: " + std::string((flags & 128U) != 0 ? "/x" : "/patterns/xi");
  if ((flags & 32U) != 0) yaml += ", point: " + std::to_string(point);
  if ((flags & 64U) != 0) yaml += ", trial: " + std::to_string(trial);
  if (give_count) yaml += ", count: " + std::to_string(count);
  yaml += "}\n";
  fuzz::accepted([&] {
    const Prepared p =
        prepare(io::load_yaml_text(yaml, "fuzz.yaml"), "fuzz.yaml", std::nullopt, *registry);
    const Model& model = p.models.front();
    const Eigen::Index n = model.network.neurons;
    if (dims.size() < 2 || static_cast<hsize_t>(n) != dims.back())
      fuzz::violated("accepted patterns whose width is not the dataset's last extent");
    RandomStream rng(1, Purpose::patterns, 0, 0, 0);
    const PatternSet set = model.patterns->generate({n, model.network.representation}, rng);
    for (Eigen::Index i = 0; i < set.xi.size(); ++i) {
      const float v = set.xi.data()[i];
      if (binary ? (v != 0.0F && v != 1.0F) : (v != -1.0F && v != 1.0F))
        fuzz::violated("a loaded pattern value is not a state of the representation");
    }
  });
  return 0;
}
