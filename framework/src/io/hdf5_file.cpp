// RAII wrapper over the HDF5 C++ API. The C API is used only where the C++ API of HDF5 1.10 has
// no equivalent (creation-order tracking, link names by index).
#include "hopfield/io/hdf5_file.hpp"

#include "hopfield/core/error.hpp"

#include <fmt/format.h>

#include <cstring>
#include <type_traits>

namespace hopfield::io {
namespace {

template <class T>
struct Types;
template <>
struct Types<double> {
  static const H5::PredType& memory() { return H5::PredType::NATIVE_DOUBLE; }
  static const H5::PredType& file() { return H5::PredType::IEEE_F64LE; }
};
template <>
struct Types<std::int64_t> {
  static const H5::PredType& memory() { return H5::PredType::NATIVE_INT64; }
  static const H5::PredType& file() { return H5::PredType::STD_I64LE; }
};
template <>
struct Types<std::int8_t> {
  static const H5::PredType& memory() { return H5::PredType::NATIVE_INT8; }
  static const H5::PredType& file() { return H5::PredType::STD_I8LE; }
};
template <>
struct Types<std::uint64_t> {
  static const H5::PredType& memory() { return H5::PredType::NATIVE_UINT64; }
  static const H5::PredType& file() { return H5::PredType::STD_U64LE; }
};

constexpr unsigned creation_order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;

// Library code never prints: HDF5's automatic error-stack printing is turned off and every
// failure becomes an IoError carrying HDF5's own message.
// The operating system's reason for the last failure ("No space left on device", "Permission
// denied"): the top of HDF5's error stack only says which call failed, and the stack is gone by
// the time the C++ exception is caught (the destructors of property lists clear it). HDF5 calls
// its automatic error handler while the stack is intact: ours prints nothing and keeps the
// reason.
thread_local std::string last_reason;

herr_t keep_reason(hid_t stack, void* /*data*/) {
  H5Ewalk2(
      stack, H5E_WALK_UPWARD,
      [](unsigned /*n*/, const H5E_error2_t* entry, void* /*out*/) -> herr_t {
        const std::string desc = entry->desc != nullptr ? entry->desc : "";
        const std::string tag = "error message = '";
        const auto at = desc.find(tag);
        if (last_reason.empty() && at != std::string::npos) {
          const auto begin = at + tag.size();
          const auto end = desc.find('\'', begin);
          last_reason = desc.substr(begin, end == std::string::npos ? end : end - begin);
        }
        return 0;
      },
      nullptr);
  return 0;
}

void quiet_errors() {
  H5Eset_auto2(H5E_DEFAULT, keep_reason, nullptr);
}

template <class F>
auto guarded(const std::string& file, const std::string& what, F&& body) -> decltype(body()) {
  last_reason.clear();
  try {
    return body();
  } catch (const H5::Exception& error) {
    const std::string reason = last_reason;
    throw IoError(fmt::format("HDF5 error in '{}' while {}: {} ({}){}", file, what,
                              error.getDetailMsg(), error.getFuncName(),
                              reason.empty() ? "" : ": " + reason));
  }
}

void check_object_path(const std::string& file, const std::string& path) {
  bool valid = path.size() > 1 && path.front() == '/' && path.back() != '/' &&
               path.find("//") == std::string::npos;
  if (!valid) throw IoError(fmt::format("invalid HDF5 object path '{}' for '{}'", path, file));
}

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

std::vector<hsize_t> to_hsize(const std::vector<std::size_t>& shape) {
  return {shape.begin(), shape.end()};
}

// Chunks of at most ~1 MiB, split along the leading dimensions first so that a chunk keeps
// whole rows (row-major reads stay contiguous).
std::vector<hsize_t> chunk_shape(const std::vector<hsize_t>& dims, std::size_t element_size) {
  constexpr std::size_t target = 1U << 20U;
  std::vector<hsize_t> chunk = dims;
  auto bytes = [&] {
    std::size_t total = element_size;
    for (auto d : chunk) total *= d;
    return total;
  };
  for (auto& d : chunk) {
    while (bytes() > target && d > 1) d = (d + 1) / 2;
  }
  return chunk;
}

template <class F>
auto with_object(const H5::H5File& file, H5O_type_t type, const std::string& path, F&& body) {
  if (type == H5O_TYPE_DATASET) {
    H5::DataSet dataset = file.openDataSet(path);
    return body(static_cast<H5::H5Object&>(dataset));
  }
  H5::Group group = file.openGroup(path);
  return body(static_cast<H5::H5Object&>(group));
}

H5O_type_t object_type(const H5::H5File& file, const std::string& path) {
  if (path == "/") return H5O_TYPE_GROUP;
  return file.childObjType(path);
}

H5::StrType utf8_string_type() {
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(H5T_CSET_UTF8);
  return type;
}

}  // namespace

Hdf5File Hdf5File::create(const std::string& path) {
  return guarded(path, "creating the file", [&] {
    quiet_errors();
    H5::FileCreatPropList fcpl;
    H5Pset_link_creation_order(fcpl.getId(), creation_order);
    H5Pset_attr_creation_order(fcpl.getId(), creation_order);
    return Hdf5File(H5::H5File(path, H5F_ACC_TRUNC, fcpl), path);
  });
}

Hdf5File Hdf5File::create_in_memory(const std::string& name) {
  return guarded(name, "creating the file in memory", [&] {
    quiet_errors();
    H5::FileCreatPropList fcpl;
    H5Pset_link_creation_order(fcpl.getId(), creation_order);
    H5Pset_attr_creation_order(fcpl.getId(), creation_order);
    H5::FileAccPropList fapl;
    fapl.setCore(std::size_t{1} << 20U, false);
    return Hdf5File(H5::H5File(name, H5F_ACC_TRUNC, fcpl, fapl), name);
  });
}

std::vector<char> Hdf5File::image() {
  return guarded(path_, "taking the file image", [&] {
    file_.flush(H5F_SCOPE_GLOBAL);
    const ssize_t size = H5Fget_file_image(file_.getId(), nullptr, 0);
    if (size < 0) throw IoError(fmt::format("cannot take the image of '{}'", path_));
    std::vector<char> bytes(static_cast<std::size_t>(size));
    if (H5Fget_file_image(file_.getId(), bytes.data(), bytes.size()) != size)
      throw IoError(fmt::format("cannot take the image of '{}'", path_));
    return bytes;
  });
}

Hdf5File Hdf5File::open_read_only(const std::string& path) {
  quiet_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    throw InputError(fmt::format("'{}' is not a readable HDF5 file", path));
  }
  return guarded(path, "opening the file",
                 [&] { return Hdf5File(H5::H5File(path, H5F_ACC_RDONLY), path); });
}

void Hdf5File::close() {
  guarded(path_, "closing the file", [&] { file_.close(); });
}

void Hdf5File::ensure_groups(const std::string& path) {
  std::string prefix;
  std::size_t start = 1;
  while (start < path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    prefix = path.substr(0, end);
    start = end + 1;
    const htri_t exists = H5Lexists(file_.getId(), prefix.c_str(), H5P_DEFAULT);
    if (exists < 0) throw IoError(fmt::format("cannot look up '{}' in '{}'", prefix, path_));
    if (exists > 0) {
      if (file_.childObjType(prefix) != H5O_TYPE_GROUP) {
        throw IoError(fmt::format("'{}' in '{}' is not a group", prefix, path_));
      }
      continue;
    }
    H5::PropList gcpl(H5P_GROUP_CREATE);
    H5Pset_link_creation_order(gcpl.getId(), creation_order);
    H5Pset_attr_creation_order(gcpl.getId(), creation_order);
    const hid_t group =
        H5Gcreate2(file_.getId(), prefix.c_str(), H5P_DEFAULT, gcpl.getId(), H5P_DEFAULT);
    if (group < 0) throw IoError(fmt::format("cannot create group '{}' in '{}'", prefix, path_));
    H5Gclose(group);
  }
}

template <class T>
void Hdf5File::write_dataset(const std::string& path, const std::vector<std::size_t>& shape,
                             std::span<const T> data) {
  check_object_path(path_, path);
  std::size_t elements = 1;
  for (auto d : shape) elements *= d;
  if (elements != data.size()) {
    throw IoError(fmt::format("dataset '{}': {} values do not fill its shape ({} elements)", path,
                              data.size(), elements));
  }
  guarded(path_, "writing dataset '" + path + "'", [&] {
    ensure_groups(parent_of(path));
    const auto dims = to_hsize(shape);
    H5::DataSpace space = dims.empty() ? H5::DataSpace(H5S_SCALAR)
                                       : H5::DataSpace(static_cast<int>(dims.size()), dims.data());
    H5::DSetCreatPropList dcpl;
    if (!dims.empty() && elements * sizeof(T) > compress_threshold_bytes) {
      const auto chunk = chunk_shape(dims, sizeof(T));
      dcpl.setChunk(static_cast<int>(chunk.size()), chunk.data());
      dcpl.setDeflate(4);
    }
    H5::DataSet dataset = file_.createDataSet(path, Types<T>::file(), space, dcpl);
    if (elements > 0) dataset.write(data.data(), Types<T>::memory());
  });
}

template void Hdf5File::write_dataset<double>(const std::string&, const std::vector<std::size_t>&,
                                              std::span<const double>);
template void Hdf5File::write_dataset<std::int64_t>(const std::string&,
                                                    const std::vector<std::size_t>&,
                                                    std::span<const std::int64_t>);
template void Hdf5File::write_dataset<std::int8_t>(const std::string&,
                                                   const std::vector<std::size_t>&,
                                                   std::span<const std::int8_t>);
template void Hdf5File::write_dataset<std::uint64_t>(const std::string&,
                                                     const std::vector<std::size_t>&,
                                                     std::span<const std::uint64_t>);

void Hdf5File::write_text_dataset(const std::string& path, const std::vector<std::size_t>& shape,
                                  const std::vector<std::string>& values) {
  check_object_path(path_, path);
  std::size_t elements = 1;
  for (auto d : shape) elements *= d;
  if (elements != values.size()) {
    throw IoError(fmt::format("dataset '{}': {} strings do not fill its shape ({} elements)", path,
                              values.size(), elements));
  }
  guarded(path_, "writing dataset '" + path + "'", [&] {
    ensure_groups(parent_of(path));
    const auto dims = to_hsize(shape);
    H5::DataSpace space = dims.empty() ? H5::DataSpace(H5S_SCALAR)
                                       : H5::DataSpace(static_cast<int>(dims.size()), dims.data());
    const auto type = utf8_string_type();
    H5::DataSet dataset = file_.createDataSet(path, type, space);
    if (elements == 0) return;
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const auto& v : values) pointers.push_back(v.c_str());
    // HDF5 converts variable-length strings through a type-conversion buffer it allocates
    // zero-filled for every write (1 MiB by default); the strings here are short.
    H5::DSetMemXferPropList transfer;
    transfer.setBuffer(std::size_t{1} << 14U, nullptr, nullptr);
    dataset.write(static_cast<const void*>(pointers.data()), type, H5::DataSpace::ALL,
                  H5::DataSpace::ALL, transfer);
  });
}

std::vector<std::string> Hdf5File::read_text_dataset(const std::string& path) const {
  return guarded(path_, "reading dataset '" + path + "'", [&] {
    H5::DataSet dataset = file_.openDataSet(path);
    const H5::DataSpace space = dataset.getSpace();
    const auto count = static_cast<std::size_t>(space.getSimpleExtentNpoints());
    const H5::StrType type = dataset.getStrType();
    std::vector<std::string> values;
    if (count == 0) return values;
    if (type.isVariableStr()) {
      std::vector<char*> buffer(count, nullptr);
      dataset.read(static_cast<void*>(buffer.data()), type);
      for (const char* text : buffer) values.emplace_back(text == nullptr ? "" : text);
      H5Dvlen_reclaim(type.getId(), space.getId(), H5P_DEFAULT, buffer.data());
    } else {
      const std::size_t length = type.getSize();
      std::vector<char> buffer(count * length);
      dataset.read(static_cast<void*>(buffer.data()), type);
      for (std::size_t i = 0; i < count; ++i) {
        const char* text = buffer.data() + i * length;
        values.emplace_back(text, strnlen(text, length));
      }
    }
    return values;
  });
}

void Hdf5File::write_text_attribute(const std::string& object, const std::string& name,
                                    const std::string& value) {
  guarded(path_, fmt::format("writing attribute '{}' of '{}'", name, object), [&] {
    with_object(file_, object_type(file_, object), object, [&](H5::H5Object& o) {
      const auto type = utf8_string_type();
      H5::Attribute attribute = o.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
      attribute.write(type, value);
    });
  });
}

void Hdf5File::write_integer_attribute(const std::string& object, const std::string& name,
                                       std::int64_t value) {
  guarded(path_, fmt::format("writing attribute '{}' of '{}'", name, object), [&] {
    with_object(file_, object_type(file_, object), object, [&](H5::H5Object& o) {
      H5::Attribute attribute =
          o.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR));
      attribute.write(H5::PredType::NATIVE_INT64, &value);
    });
  });
}

void Hdf5File::write_text_list_attribute(const std::string& object, const std::string& name,
                                         const std::vector<std::string>& values) {
  guarded(path_, fmt::format("writing attribute '{}' of '{}'", name, object), [&] {
    with_object(file_, object_type(file_, object), object, [&](H5::H5Object& o) {
      const auto type = utf8_string_type();
      const hsize_t count = values.size();
      H5::Attribute attribute = o.createAttribute(name, type, H5::DataSpace(1, &count));
      if (values.empty()) return;
      std::vector<const char*> pointers;
      pointers.reserve(values.size());
      for (const auto& v : values) pointers.push_back(v.c_str());
      attribute.write(type, static_cast<const void*>(pointers.data()));
    });
  });
}

Hdf5File::ObjectKind Hdf5File::kind(const std::string& path) const {
  return guarded(path_, "looking up '" + path + "'", [&] {
    if (path != "/" && H5Lexists(file_.getId(), path.c_str(), H5P_DEFAULT) <= 0) {
      throw IoError(fmt::format("'{}' has no object '{}'", path_, path));
    }
    switch (object_type(file_, path)) {
      case H5O_TYPE_GROUP:
        return ObjectKind::group;
      case H5O_TYPE_DATASET:
        return ObjectKind::dataset;
      default:
        return ObjectKind::other;
    }
  });
}

std::vector<std::string> Hdf5File::children(const std::string& group) const {
  return guarded(path_, "listing group '" + group + "'", [&] {
    H5::Group g = file_.openGroup(group);
    const hsize_t count = g.getNumObjs();
    H5_index_t index = H5_INDEX_CRT_ORDER;
    if (count > 0 &&
        H5Lget_name_by_idx(g.getId(), ".", index, H5_ITER_INC, 0, nullptr, 0, H5P_DEFAULT) < 0) {
      index = H5_INDEX_NAME;  // a file written without creation-order tracking
    }
    std::vector<std::string> names;
    for (hsize_t i = 0; i < count; ++i) {
      const ssize_t length =
          H5Lget_name_by_idx(g.getId(), ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
      if (length < 0) throw IoError(fmt::format("cannot list group '{}' of '{}'", group, path_));
      std::string name(static_cast<std::size_t>(length), '\0');
      H5Lget_name_by_idx(g.getId(), ".", index, H5_ITER_INC, i, name.data(),
                         static_cast<std::size_t>(length) + 1, H5P_DEFAULT);
      names.push_back(std::move(name));
    }
    return names;
  });
}

namespace {

/// Whether a numeric type's bit layout is one libhdf5 can convert. A hostile or corrupt file can
/// declare e.g. an integer of precision 0, and libhdf5 1.10 then crashes (SIGBUS in
/// H5T__bit_copy) converting it (found by fuzz/hdf5_file.cpp); such types count as unsupported.
bool sane_layout(hid_t type) {
  const std::size_t size = H5Tget_size(type);
  const std::size_t precision = H5Tget_precision(type);
  const int offset = H5Tget_offset(type);
  if (size == 0 || size > 16 || precision == 0 || offset < 0 ||
      static_cast<std::size_t>(offset) + precision > 8 * size)
    return false;
  if (H5Tget_class(type) != H5T_FLOAT) return true;
  std::size_t sign = 0, exponent = 0, exponent_bits = 0, mantissa = 0, mantissa_bits = 0;
  if (H5Tget_fields(type, &sign, &exponent, &exponent_bits, &mantissa, &mantissa_bits) < 0)
    return false;
  const auto inside = [&](std::size_t position, std::size_t bits) {
    return bits > 0 && position + bits <= precision;
  };
  return inside(sign, 1) && inside(exponent, exponent_bits) && inside(mantissa, mantissa_bits) &&
         exponent_bits < 8 * sizeof(std::size_t) && mantissa_bits <= 64;
}

}  // namespace

Hdf5File::DatasetInfo Hdf5File::dataset_info(const std::string& path) const {
  return guarded(path_, "reading dataset '" + path + "'", [&] {
    H5::DataSet dataset = file_.openDataSet(path);
    DatasetInfo info;
    const H5::DataType stored = dataset.getDataType();
    const bool numeric =
        dataset.getTypeClass() == H5T_FLOAT || dataset.getTypeClass() == H5T_INTEGER;
    if (numeric && !sane_layout(stored.getId())) {
      info.element = Element::other;
    } else {
      switch (dataset.getTypeClass()) {
        case H5T_FLOAT:
          info.element = Element::f64;
          break;
        case H5T_INTEGER: {
          const H5::IntType type = dataset.getIntType();
          if (type.getSign() == H5T_SGN_NONE) {
            info.element = type.getSize() >= 8 ? Element::u64 : Element::i64;
          } else {
            info.element = type.getSize() == 1 ? Element::i8 : Element::i64;
          }
          break;
        }
        case H5T_STRING:
          info.element = Element::text;
          break;
        default:
          info.element = Element::other;
      }
    }
    const H5::DataSpace space = dataset.getSpace();
    const int rank = space.getSimpleExtentNdims();
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    if (rank > 0) space.getSimpleExtentDims(dims.data());
    info.shape.assign(dims.begin(), dims.end());
    return info;
  });
}

template <class T>
std::vector<T> Hdf5File::read_dataset(const std::string& path) const {
  return guarded(path_, "reading dataset '" + path + "'", [&] {
    H5::DataSet dataset = file_.openDataSet(path);
    const auto count = static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints());
    std::vector<T> values(count);
    if (count > 0) dataset.read(values.data(), Types<T>::memory());
    return values;
  });
}

template <class T>
std::vector<T> Hdf5File::read_block(const std::string& path, const std::vector<std::size_t>& start,
                                    const std::vector<std::size_t>& count) const {
  return guarded(path_, "reading dataset '" + path + "'", [&] {
    H5::DataSet dataset = file_.openDataSet(path);
    H5::DataSpace space = dataset.getSpace();
    const int rank = space.getSimpleExtentNdims();
    if (rank < 1 || static_cast<std::size_t>(rank) != start.size() || start.size() != count.size())
      throw IoError(
          fmt::format("dataset '{}' of '{}': a block of rank {} from a dataset of rank {}", path,
                      path_, count.size(), rank));
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    space.getSimpleExtentDims(dims.data());
    std::size_t elements = 1;
    for (std::size_t d = 0; d < dims.size(); ++d) {
      if (start[d] > dims[d] || count[d] > dims[d] - start[d])
        throw IoError(fmt::format("dataset '{}' of '{}': block outside the extent", path, path_));
      elements *= count[d];
    }
    std::vector<T> values(elements);
    if (elements == 0) return values;
    const std::vector<hsize_t> offset(start.begin(), start.end());
    const std::vector<hsize_t> extent(count.begin(), count.end());
    space.selectHyperslab(H5S_SELECT_SET, extent.data(), offset.data());
    const H5::DataSpace memory(rank, extent.data());
    dataset.read(values.data(), Types<T>::memory(), memory, space);
    return values;
  });
}

template std::vector<double> Hdf5File::read_block<double>(const std::string&,
                                                          const std::vector<std::size_t>&,
                                                          const std::vector<std::size_t>&) const;
template std::vector<std::int64_t> Hdf5File::read_block<std::int64_t>(
    const std::string&, const std::vector<std::size_t>&, const std::vector<std::size_t>&) const;
template std::vector<double> Hdf5File::read_dataset<double>(const std::string&) const;
template std::vector<std::int64_t> Hdf5File::read_dataset<std::int64_t>(const std::string&) const;
template std::vector<std::int8_t> Hdf5File::read_dataset<std::int8_t>(const std::string&) const;
template std::vector<std::uint64_t> Hdf5File::read_dataset<std::uint64_t>(const std::string&) const;

std::vector<std::string> Hdf5File::attribute_names(const std::string& object) const {
  return guarded(path_, "listing the attributes of '" + object + "'", [&] {
    return with_object(file_, object_type(file_, object), object, [&](H5::H5Object& o) {
      const auto count = static_cast<hsize_t>(o.getNumAttrs());
      H5_index_t index = H5_INDEX_CRT_ORDER;
      if (count > 0 &&
          H5Aget_name_by_idx(o.getId(), ".", index, H5_ITER_INC, 0, nullptr, 0, H5P_DEFAULT) < 0) {
        index = H5_INDEX_NAME;
      }
      std::vector<std::string> names;
      for (hsize_t i = 0; i < count; ++i) {
        const ssize_t length =
            H5Aget_name_by_idx(o.getId(), ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
        if (length < 0) {
          throw IoError(fmt::format("cannot list the attributes of '{}'", object));
        }
        std::string name(static_cast<std::size_t>(length), '\0');
        H5Aget_name_by_idx(o.getId(), ".", index, H5_ITER_INC, i, name.data(),
                           static_cast<std::size_t>(length) + 1, H5P_DEFAULT);
        names.push_back(std::move(name));
      }
      return names;
    });
  });
}

bool Hdf5File::has_attribute(const std::string& object, const std::string& name) const {
  return guarded(path_, "looking up attribute '" + name + "' of '" + object + "'", [&] {
    return with_object(file_, object_type(file_, object), object,
                       [&](H5::H5Object& o) { return o.attrExists(name); });
  });
}

H5::Attribute Hdf5File::open_attribute(const std::string& object, const std::string& name) const {
  return with_object(file_, object_type(file_, object), object,
                     [&](H5::H5Object& o) { return o.openAttribute(name); });
}

Hdf5File::AttributeKind Hdf5File::attribute_kind(const std::string& object,
                                                 const std::string& name) const {
  return guarded(path_, "reading attribute '" + name + "' of '" + object + "'", [&] {
    const H5::Attribute attribute = open_attribute(object, name);
    const H5::DataSpace space = attribute.getSpace();
    const bool scalar = space.getSimpleExtentType() == H5S_SCALAR;
    const bool vector = !scalar && space.getSimpleExtentNdims() == 1;
    switch (attribute.getTypeClass()) {
      case H5T_STRING:
        return scalar ? AttributeKind::text
                      : (vector ? AttributeKind::text_list : AttributeKind::other);
      case H5T_INTEGER:
        return scalar ? AttributeKind::integer : AttributeKind::other;
      case H5T_FLOAT:
        return scalar ? AttributeKind::real : AttributeKind::other;
      default:
        return AttributeKind::other;
    }
  });
}

std::string Hdf5File::read_text_attribute(const std::string& object,
                                          const std::string& name) const {
  return guarded(path_, "reading attribute '" + name + "' of '" + object + "'", [&] {
    const H5::Attribute attribute = open_attribute(object, name);
    std::string value;
    attribute.read(attribute.getStrType(), value);
    return value;
  });
}

std::int64_t Hdf5File::read_integer_attribute(const std::string& object,
                                              const std::string& name) const {
  return guarded(path_, "reading attribute '" + name + "' of '" + object + "'", [&] {
    const H5::Attribute attribute = open_attribute(object, name);
    std::int64_t value = 0;
    attribute.read(H5::PredType::NATIVE_INT64, &value);
    return value;
  });
}

std::vector<std::string> Hdf5File::read_text_list_attribute(const std::string& object,
                                                            const std::string& name) const {
  return guarded(path_, "reading attribute '" + name + "' of '" + object + "'", [&] {
    const H5::Attribute attribute = open_attribute(object, name);
    const H5::DataSpace space = attribute.getSpace();
    const auto count = static_cast<std::size_t>(space.getSimpleExtentNpoints());
    const H5::StrType type = attribute.getStrType();
    std::vector<std::string> values;
    if (count == 0) return values;
    if (type.isVariableStr()) {
      std::vector<char*> buffer(count, nullptr);
      attribute.read(type, static_cast<void*>(buffer.data()));
      for (const char* text : buffer) values.emplace_back(text == nullptr ? "" : text);
      H5Dvlen_reclaim(type.getId(), space.getId(), H5P_DEFAULT, buffer.data());
    } else {
      const std::size_t length = type.getSize();
      std::vector<char> buffer(count * length);
      attribute.read(type, static_cast<void*>(buffer.data()));
      for (std::size_t i = 0; i < count; ++i) {
        const char* text = buffer.data() + i * length;
        values.emplace_back(text, strnlen(text, length));
      }
    }
    return values;
  });
}

}  // namespace hopfield::io
