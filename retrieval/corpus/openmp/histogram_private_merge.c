/*---
id: omp-histogram-private-merge
title: Histogram with per-thread private counts merged at the end
descriptions:
  - fast parallel histogram without atomics in the hot loop
  - each thread keeps its own histogram then combines them
  - histogram with many bins in OpenMP
api: openmp
lang: c
constructs: [parallel, for nowait, atomic, omp_get_thread_num]
pattern: histogram
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 500000
#define NBINS 256

int main(void) {
    float *x = malloc(N * sizeof *x);
    if (!x) return 1;
    for (int i = 0; i < N; i++) x[i] = 0.5f + 0.5f * sinf(0.37f * i); /* values in [0, 1] */

    long hist[NBINS] = {0};

#pragma omp parallel
    {
        /* Private histogram on each thread's stack: plain increments, no
           synchronisation and no false sharing in the hot loop. */
        long local[NBINS] = {0};
#pragma omp for nowait
        for (int i = 0; i < N; i++) {
            int b = (int)(x[i] * NBINS);
            if (b >= NBINS) b = NBINS - 1; /* x == 1.0 goes in the last bin */
            local[b]++;
        }
        /* Merge: NBINS atomic adds per thread instead of N per program.
           (An array-section reduction reduction(+:hist[:NBINS]) does the
           same thing automatically.) */
        for (int b = 0; b < NBINS; b++) {
            if (local[b] == 0) continue;
#pragma omp atomic
            hist[b] += local[b];
        }
    }

    long ref[NBINS] = {0}, total = 0;
    for (int i = 0; i < N; i++) {
        int b = (int)(x[i] * NBINS);
        ref[b >= NBINS ? NBINS - 1 : b]++;
    }
    int ok = 1;
    for (int b = 0; b < NBINS; b++) {
        if (hist[b] != ref[b]) ok = 0;
        total += hist[b];
    }
    ok = ok && total == N;
    printf("%ld samples, first bin %ld, middle bin %ld: %s\n", total, hist[0], hist[NBINS / 2],
           ok ? "PASS" : "FAIL");
    free(x);
    return ok ? 0 : 1;
}
