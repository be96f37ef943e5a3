// Runs a fuzz target over files instead of libFuzzer: every file under the directories (or the
// files) given on the command line is one input. Built in every configuration with tests, so
// the findings kept in tests/fuzz/<target>/ are regression tests of the default suite (and run
// under the sanitizers in the asan-ubsan build).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.string().c_str(), bytes.size());
  return LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  int inputs = 0;
  for (int a = 1; a < argc; ++a) {
    const fs::path given(argv[a]);
    std::vector<fs::path> files;
    if (fs::is_directory(given)) {
      for (const auto& entry : fs::recursive_directory_iterator(given))
        if (entry.is_regular_file()) files.push_back(entry.path());
    } else {
      files.push_back(given);
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      replay(f);
      ++inputs;
    }
  }
  std::printf("replayed %d input(s) without a crash or an unexpected exception\n", inputs);
  return inputs > 0 ? 0 : 1;
}
