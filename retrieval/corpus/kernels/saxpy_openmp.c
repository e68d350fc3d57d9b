/*---
id: kern-saxpy-openmp
title: SAXPY with OpenMP parallel for simd (threads plus vector lanes)
descriptions:
  - vectorize and parallelize a simple loop at the same time
  - omp parallel for simd example with saxpy
  - use all cores and SIMD units for y = a*x + y
api: openmp
lang: c
constructs: [parallel for simd, schedule(static)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 4000000L

int main(void) {
    float *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y), *ref = malloc(N * sizeof *ref);
    const float a = 1.5f;

    /* Initialise in parallel too: with first-touch memory placement each
       thread's pages end up close to the core that uses them.  (No simd
       here: the loop calls sin(), which the compiler may not vectorise.) */
#pragma omp parallel for schedule(static)
    for (long i = 0; i < N; i++) {
        x[i] = (float)sin(0.001 * (double)i);
        y[i] = (float)(i % 7);
    }
    for (long i = 0; i < N; i++) ref[i] = a * x[i] + y[i]; /* serial reference */

    /* Threads split the index range; inside each chunk the compiler uses SIMD. */
#pragma omp parallel for simd schedule(static)
    for (long i = 0; i < N; i++) y[i] = a * x[i] + y[i];

    int ok = 1;
    for (long i = 0; i < N; i++)
        if (fabsf(y[i] - ref[i]) > 1e-6f * (1.0f + fabsf(ref[i]))) { ok = 0; break; }
    printf("saxpy on %ld floats with %d threads: %s\n", N, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(x); free(y); free(ref);
    return ok ? 0 : 1;
}
