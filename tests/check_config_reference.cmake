# Fails when docs/config.md differs from `hopfield describe --all --markdown`.
# Regenerate with: build/release/experiments/hopfield describe --all --markdown > docs/config.md
execute_process(COMMAND ${HOPFIELD} describe --all --markdown
  OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "hopfield describe failed with ${rc}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "docs/config.md is out of date; regenerate it with:\n"
          "  build/release/experiments/hopfield describe --all --markdown > docs/config.md")
endif()
