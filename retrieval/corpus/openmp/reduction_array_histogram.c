/*---
id: omp-reduction-array-histogram
title: Histogram with an array-section reduction reduction(+:hist[:NBINS])
descriptions:
  - build a histogram in parallel without atomics
  - reduce a whole array at once in OpenMP
  - reduction over an array section example
  - count how many values fall in each bin using threads
api: openmp
lang: c
constructs: [parallel for, reduction(+:array section)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 200000
#define NBINS 16

int main(void) {
    int *data = malloc(N * sizeof *data);
    if (!data) return 1;
    unsigned seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u; /* reproducible pseudo-random values */
        data[i] = (seed >> 8) % 1000;
    }

    /* Each thread gets a private, zero-initialised copy of the whole
       hist[0..NBINS-1] section; the copies are added element by element at
       the end (OpenMP 4.5). This avoids an atomic per increment. With a
       pointer instead of an array, write the section explicitly, e.g.
       reduction(+ : h[:nbins]). Keep the array small: every thread holds a
       copy. */
    long hist[NBINS] = {0};
#pragma omp parallel for reduction(+ : hist[:NBINS])
    for (int i = 0; i < N; i++) hist[data[i] * NBINS / 1000]++;

    long ref[NBINS] = {0}, total = 0;
    for (int i = 0; i < N; i++) ref[data[i] * NBINS / 1000]++;
    int ok = 1;
    for (int b = 0; b < NBINS; b++) {
        if (hist[b] != ref[b]) ok = 0;
        total += hist[b];
    }
    ok = ok && total == N;

    printf("bins 0..3: %ld %ld %ld %ld, total %ld: %s\n", hist[0], hist[1], hist[2], hist[3],
           total, ok ? "PASS" : "FAIL");
    free(data);
    return ok ? 0 : 1;
}
