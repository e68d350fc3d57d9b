/*---
id: omp-simd-safelen
title: Vectorize a loop with a loop-carried dependence using safelen
descriptions:
  - vectorize a recurrence a[i] depends on a[i-8]
  - omp simd safelen clause example
  - my loop reads values written a few iterations earlier, can it still use SIMD
api: openmp
lang: c
constructs: [simd, safelen]
pattern: recurrence
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 4096
#define DIST 8 /* a[i] depends on a[i - DIST] */

static float a[N], b[N], ref[N];

int main(void) {
    for (int i = 0; i < N; i++) b[i] = (float)(i % 7);
    for (int i = 0; i < DIST; i++) a[i] = ref[i] = 1.0f;

    /* Iteration i reads a[i-8], written 8 iterations earlier. Executing up
       to 8 consecutive iterations at once is still correct (they never read
       each other's results), but 16 would not be. safelen(DIST) promises
       exactly that: no two iterations executed concurrently in SIMD are
       more than DIST-1 apart. Without it the dependence forbids "omp simd". */
#pragma omp simd safelen(DIST)
    for (int i = DIST; i < N; i++) a[i] = 0.5f * a[i - DIST] + b[i];

    for (int i = DIST; i < N; i++) ref[i] = 0.5f * ref[i - DIST] + b[i];

    int ok = 1;
    for (int i = 0; i < N; i++)
        if (a[i] != ref[i]) ok = 0; /* same operations per element: exact */
    printf("a[N-1] = %.4f: %s\n", a[N - 1], ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
