/*---
id: omp-simd-saxpy
title: Vectorize a loop with omp simd
descriptions:
  - use SIMD vector instructions for a loop with OpenMP
  - omp simd example saxpy
  - make the compiler vectorize my loop even with pointers
api: openmp
lang: c
constructs: [simd]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

/* The compiler cannot always prove that x and y do not overlap, so it may
   refuse to vectorize or add runtime checks. "omp simd" is a promise from
   the programmer: the iterations may be executed in SIMD lanes (several
   at once in one vector register). It does NOT create threads: combine
   with "parallel for" for that (see parallel for simd). */
static void saxpy(int n, float a, const float *x, float *y) {
#pragma omp simd
    for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}

int main(void) {
    const int n = 100003; /* not a multiple of the vector length: a remainder loop handles the tail */
    float *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    if (!x || !y) return 1;
    for (int i = 0; i < n; i++) {
        x[i] = (float)(i % 1000);
        y[i] = 1.0f;
    }

    saxpy(n, 3.0f, x, y);

    /* Each element is computed with exactly the same operations as the
       serial loop, so the results match bit for bit. */
    int ok = 1;
    for (int i = 0; i < n; i++)
        if (y[i] != 3.0f * (float)(i % 1000) + 1.0f) ok = 0;
    printf("simd saxpy on %d elements: %s\n", n, ok ? "PASS" : "FAIL");
    free(x);
    free(y);
    return ok ? 0 : 1;
}
