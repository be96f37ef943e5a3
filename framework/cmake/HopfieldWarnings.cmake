# Warning flags for project code only (dependencies are included as SYSTEM).
add_library(hopfield_warnings INTERFACE)
target_compile_options(hopfield_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  # GCC 12 reports false -Wrestrict positives inside libstdc++ string code at -O3 (GCC PR 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
# With -march=native on an AVX-512 machine, GCC 12 reports the `__Y = __Y` idiom of
# _mm512_undefined_*() in its own headers as uninitialised (GCC PR 105593) and Eigen's 512-bit
# loads of small fixed-size vectors as out of bounds (-Warray-bounds, a false positive on code
# paths that are never taken), wherever Eigen's AVX-512 kernels are inlined; fixed in GCC 13.
if(HOPFIELD_NATIVE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(hopfield_warnings INTERFACE -Wno-uninitialized -Wno-maybe-uninitialized
                                                     -Wno-array-bounds)
endif()
if(HOPFIELD_WERROR)
  target_compile_options(hopfield_warnings INTERFACE -Werror)
endif()
if(HOPFIELD_SANITIZE AND HOPFIELD_TSAN)
  message(FATAL_ERROR "HOPFIELD_SANITIZE (ASan) and HOPFIELD_TSAN cannot be combined")
endif()
if(HOPFIELD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(HOPFIELD_TSAN)
  # OpenMP is only understood by ThreadSanitizer through LLVM's libomp and its Archer tool
  # (libarcher.so, loaded by libomp when the program runs under TSan); GCC's libgomp
  # synchronises with futexes TSan cannot see and gives false reports.
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "HOPFIELD_TSAN needs clang (the tsan preset uses clang++-14 and libomp)")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
  # Every program gets TSan's defaults for an uninstrumented libomp (the file says why).
  target_sources(hopfield_warnings INTERFACE ${CMAKE_CURRENT_LIST_DIR}/tsan_options.cpp)
endif()
if(HOPFIELD_FUZZ)
  # Every library is instrumented for coverage; only the fuzz/ targets link libFuzzer's main, so
  # the same objects also make the sanitizer build's tests (one build: the asan-ubsan preset).
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT HOPFIELD_SANITIZE)
    message(FATAL_ERROR "HOPFIELD_FUZZ needs clang and HOPFIELD_SANITIZE (the asan-ubsan preset)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
