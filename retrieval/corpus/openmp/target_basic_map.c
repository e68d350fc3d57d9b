/*---
id: omp-target-basic-map
title: First offload region - omp target with map(to/from/tofrom)
descriptions:
  - run code on a GPU with OpenMP target
  - what do map(to), map(from) and map(tofrom) mean
  - OpenMP offloading hello world that also works without a GPU
api: openmp
lang: c
constructs: [target, map(to), map(from), map(tofrom), omp_is_initial_device, parallel for]
pattern: offload
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 1000

int main(void) {
    double in[N], out[N];
    long calls = 0;
    int on_host = -1;
    for (int i = 0; i < N; i++) in[i] = i;

    /* "target" runs the block on the default device (a GPU if the compiler
       was built with offloading support and one is present); otherwise it
       falls back to the host CPU, as in this test. The map clauses say how
       data moves between host and device memory:
         to:     copy in before the region (input only),
         from:   copy out after the region (output only, not initialised),
         tofrom: copy in and out (the default for arrays).
       Scalars that are not mapped are firstprivate (copied in, never out),
       so a scalar result must be mapped tofrom or from. */
#pragma omp target map(to : in) map(from : out, on_host) map(tofrom : calls)
    {
        on_host = omp_is_initial_device();
        /* A target region runs on ONE device thread unless it contains
           parallelism; see target teams distribute parallel for. */
        for (int i = 0; i < N; i++) out[i] = 2.0 * in[i] + 1.0;
        calls += 1;
    }

    int ok = calls == 1 && on_host >= 0;
    for (int i = 0; i < N; i++)
        if (out[i] != 2.0 * i + 1.0) ok = 0;
    printf("target region ran on the %s, %d devices available: %s\n", on_host ? "host" : "device",
           omp_get_num_devices(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
