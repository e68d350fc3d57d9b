/*---
id: omp-reduction-min-max
title: Find the minimum and maximum of an array with reduction(min) and reduction(max)
descriptions:
  - find the largest value in an array in parallel
  - parallel min and max of a vector
  - reduction(max:x) example in C
api: openmp
lang: c
constructs: [parallel for, reduction(min), reduction(max)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <float.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 100000

int main(void) {
    static double x[N];
    for (int i = 0; i < N; i++) x[i] = sin(0.001 * i) * (1.0 + 0.00001 * i);

    /* min and max reductions have been in C/C++ OpenMP since 3.1. Each
       thread's private copy starts at the identity (largest / smallest
       representable value), and the copies are combined at the end.
       Two reductions can share one loop. */
    double lo = DBL_MAX, hi = -DBL_MAX;
#pragma omp parallel for reduction(min : lo) reduction(max : hi)
    for (int i = 0; i < N; i++) {
        if (x[i] < lo) lo = x[i];
        if (x[i] > hi) hi = x[i];
    }

    double elo = x[0], ehi = x[0];
    for (int i = 1; i < N; i++) {
        elo = fmin(elo, x[i]);
        ehi = fmax(ehi, x[i]);
    }

    /* min/max are exact operations: the result must match bit for bit. */
    int ok = lo == elo && hi == ehi;
    printf("min = %.6f, max = %.6f: %s\n", lo, hi, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
