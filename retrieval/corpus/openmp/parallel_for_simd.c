/*---
id: omp-parallel-for-simd
title: Threads and vector lanes together with parallel for simd
descriptions:
  - combine multithreading and vectorization in one loop
  - parallel for simd example with aligned arrays
  - use all cores and SIMD units for an element-wise computation on arrays
api: openmp
lang: c
constructs: [parallel for simd, aligned, schedule(static)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N (1 << 20)

int main(void) {
    /* 64-byte aligned arrays let the compiler use aligned vector loads;
       aligned(x, y, r : 64) tells it the alignment. (aligned_alloc needs
       the size to be a multiple of the alignment.) */
    double *x = aligned_alloc(64, N * sizeof *x);
    double *y = aligned_alloc(64, N * sizeof *y);
    double *r = aligned_alloc(64, N * sizeof *r);
    if (!x || !y || !r) return 1;
    for (int i = 0; i < N; i++) {
        x[i] = 3.0 * (i % 100);
        y[i] = 4.0 * (i % 100);
    }

    /* The iterations are first divided among the threads (parallel for);
       each thread then runs its chunk with SIMD instructions, several
       iterations per vector instruction. (Keep the body simple: calls
       such as sqrt() that may set errno can prevent vectorization unless
       you compile with -fno-math-errno.) */
#pragma omp parallel for simd aligned(x, y, r : 64) schedule(static)
    for (int i = 0; i < N; i++) r[i] = x[i] * x[i] + y[i] * y[i];

    /* 3-4-5 triangles: r = (5 * (i % 100))^2, exact in double. */
    int ok = 1;
    for (int i = 0; i < N; i++)
        if (r[i] != 25.0 * (i % 100) * (i % 100)) ok = 0;
    printf("squared length of %d vectors, r[99] = %.1f: %s\n", N, r[99], ok ? "PASS" : "FAIL");
    free(x);
    free(y);
    free(r);
    return ok ? 0 : 1;
}
