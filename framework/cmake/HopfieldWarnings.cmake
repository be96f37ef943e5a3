# Warning flags for project code only (dependencies are included as SYSTEM).
add_library(hopfield_warnings INTERFACE)
target_compile_options(hopfield_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  # GCC 12 reports false -Wrestrict positives inside libstdc++ string code at -O3 (GCC PR 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(HOPFIELD_WERROR)
  target_compile_options(hopfield_warnings INTERFACE -Werror)
endif()
if(HOPFIELD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
