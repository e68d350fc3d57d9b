/*---
id: kern-histogram-atomic-openmp
title: Parallel histogram with omp atomic updates
descriptions:
  - several threads increment the same histogram bins, how do I avoid the race
  - omp atomic update example for counting
  - race condition when building a histogram in parallel
api: openmp
lang: c
constructs: [parallel for, atomic update]
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
    unsigned *data = malloc(N * sizeof *data);
    unsigned s = 12345u;
    for (int i = 0; i < N; i++) { /* simple deterministic pseudo-random data */
        s = s * 1103515245u + 12345u;
        data[i] = (s >> 16) % 1000u;
    }

    long hist[NBINS] = {0};
    /* Two threads may hit the same bin at the same moment: hist[b]++ is a
       read-modify-write, so it must be atomic.  Simple and correct, but every
       update contends for the bin's cache line (see the private-histogram version). */
#pragma omp parallel for
    for (int i = 0; i < N; i++) {
        int b = (int)(data[i] * NBINS / 1000u);
#pragma omp atomic update
        hist[b]++;
    }

    long ref[NBINS] = {0}, total = 0; /* serial reference */
    for (int i = 0; i < N; i++) ref[data[i] * NBINS / 1000u]++;
    int ok = 1;
    for (int b = 0; b < NBINS; b++) {
        if (hist[b] != ref[b]) ok = 0;
        total += hist[b];
    }
    printf("%ld values counted with %d threads: %s\n", total, omp_get_max_threads(), ok && total == N ? "PASS" : "FAIL");
    free(data);
    return ok && total == N ? 0 : 1;
}
