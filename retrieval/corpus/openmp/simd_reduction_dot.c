/*---
id: omp-simd-reduction-dot
title: Vectorized dot product with simd reduction
descriptions:
  - dot product vectorized with OpenMP simd
  - my sum loop does not vectorize because of the floating point order
  - simd reduction clause example
api: openmp
lang: c
constructs: [simd, reduction(+)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 100000

static float x[N], y[N];

int main(void) {
    for (int i = 0; i < N; i++) {
        x[i] = sinf(0.001f * i);
        y[i] = cosf(0.001f * i);
    }

    /* Without -ffast-math the compiler must add the products in exactly
       the serial order, which prevents vectorization. reduction(+:dot) on
       the simd loop allows each SIMD lane to keep its own partial sum; the
       lanes are added at the end. The result may differ from the serial
       sum in the last bits (different rounding order), so compare with a
       tolerance. */
    float dot = 0.0f;
#pragma omp simd reduction(+ : dot)
    for (int i = 0; i < N; i++) dot += x[i] * y[i];

    double ref = 0.0; /* serial reference in double precision */
    for (int i = 0; i < N; i++) ref += (double)x[i] * y[i];

    int ok = fabs(dot - ref) <= 1e-4 * fabs(ref);
    printf("dot = %.4f (double reference %.4f): %s\n", dot, ref, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
