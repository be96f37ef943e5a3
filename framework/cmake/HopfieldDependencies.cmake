# Every dependency comes from a Debian package (scripts/setup.sh installs them).
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(Boost 1.74 REQUIRED)
find_package(OpenMP REQUIRED)
find_package(yaml-cpp REQUIRED)
# Debian's shared libhdf5 loads libcurl, GnuTLS, Kerberos, LDAP … (about 40 libraries, for the
# ros3 driver we never use): ~13 ms of dynamic loading in every process, a fifth of a small job.
# The release preset links Debian's static libhdf5.a instead, with --as-needed so that the
# unused libraries are not loaded.
option(HOPFIELD_STATIC_HDF5 "Link Debian's static HDF5 libraries (faster process start)" OFF)
if(HOPFIELD_STATIC_HDF5)
  set(HDF5_USE_STATIC_LIBRARIES ON)
  add_link_options(LINKER:--as-needed)
endif()
find_package(HDF5 REQUIRED COMPONENTS C CXX)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 QUIET CONFIG)
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
find_package(ZLIB REQUIRED)
# GLPK (Debian libglpk-dev): the exact linear-programming test of the `separability` experiment.
find_path(GLPK_INCLUDE_DIR glpk.h REQUIRED)
find_library(GLPK_LIBRARY glpk REQUIRED)
if(HOPFIELD_BUILD_TESTS)
  find_path(CATCH2_INCLUDE_DIR catch2/catch.hpp REQUIRED)
endif()
# MPI is optional: built in when Debian's libopenmpi-dev is installed (scripts/setup.sh does).
option(HOPFIELD_MPI "Distribute tasks over MPI ranks when started by mpirun" ON)
if(HOPFIELD_MPI)
  find_package(MPI COMPONENTS C QUIET)
endif()
