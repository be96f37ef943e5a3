// ThreadSanitizer's defaults for every program of the `tsan` build (compiled into each of them
// through hopfield_warnings; TSAN_OPTIONS still overrides). LLVM's libomp is not instrumented:
// its own allocations, memsets and mutex initialisations in worker threads are reported as races
// unless interceptor calls from non-instrumented modules are ignored, as libomp's Archer tool
// asks ("please export TSAN_OPTIONS='ignore_noninstrumented_modules=1'"). Races in our code,
// which is instrumented, are still reported; Archer tells TSan about OpenMP's synchronisation.
extern "C" const char* __tsan_default_options();  // NOLINT(bugprone-reserved-identifier)

extern "C" const char* __tsan_default_options() {  // NOLINT(bugprone-reserved-identifier)
  return "ignore_noninstrumented_modules=1";
}
