/*---
id: kern-histogram-private-openmp
title: Parallel histogram with per-thread private bins merged at the end
descriptions:
  - fast parallel histogram without atomics in the inner loop
  - give each thread its own copy of the counts and combine them afterwards
  - my atomic histogram does not scale, what is the alternative
api: openmp
lang: c
constructs: [parallel, for nowait, atomic, private array]
pattern: histogram
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 400000
#define NBINS 32

int main(void) {
    double *data = malloc(N * sizeof *data);
    for (int i = 0; i < N; i++) data[i] = (double)((i * 48271L) % 65537) / 65537.0; /* in [0, 1) */

    long hist[NBINS] = {0};
#pragma omp parallel
    {
        /* 1. Count into a private array: no sharing, no synchronisation. */
        long mine[NBINS] = {0};
#pragma omp for nowait
        for (int i = 0; i < N; i++) mine[(int)(data[i] * NBINS)]++;
        /* 2. Merge once per thread: NBINS atomics instead of N. */
        for (int b = 0; b < NBINS; b++) {
#pragma omp atomic
            hist[b] += mine[b];
        }
    } /* the implicit barrier here guarantees all merges are done */

    long ref[NBINS] = {0}, total = 0; /* serial reference */
    for (int i = 0; i < N; i++) ref[(int)(data[i] * NBINS)]++;
    int ok = 1;
    for (int b = 0; b < NBINS; b++) {
        if (hist[b] != ref[b]) ok = 0;
        total += hist[b];
    }
    ok = ok && total == N;
    printf("hist[0] = %ld, total %ld with %d threads: %s\n", hist[0], total, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(data);
    return ok ? 0 : 1;
}
