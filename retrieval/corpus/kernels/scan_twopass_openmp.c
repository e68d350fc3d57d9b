/*---
id: kern-scan-twopass-openmp
title: Parallel prefix sum with OpenMP in two passes (block sums, then offsets)
descriptions:
  - parallel prefix sum with OpenMP
  - how do I parallelize a cumulative sum when each element depends on the previous one
  - two pass scan - scan each thread's block, then add the sums of the blocks before it
api: openmp
lang: c
constructs: [parallel, for schedule(static), barrier, single, omp_get_thread_num]
pattern: scan
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 2000003L

int main(void) {
    double *a = malloc(N * sizeof *a), *out = malloc(N * sizeof *out);
    for (long i = 0; i < N; i++) a[i] = (double)(i % 10); /* small integers: sums stay exact */

    int nt = omp_get_max_threads();
    double *offset = calloc(nt + 1, sizeof *offset);
#pragma omp parallel num_threads(nt)
    {
        int t = omp_get_thread_num();
        /* Pass 1: local inclusive scan of this thread's contiguous block. */
        double s = 0.0;
#pragma omp for schedule(static)
        for (long i = 0; i < N; i++) {
            s += a[i];
            out[i] = s;
        }
        offset[t + 1] = s; /* my block total */
#pragma omp barrier
        /* Exclusive scan of the nt block totals: tiny, so one thread does it. */
#pragma omp single
        for (int k = 1; k <= nt; k++) offset[k] += offset[k - 1];
        /* Pass 2: shift my block.  schedule(static) with the same loop bounds
           gives every thread the same block as in pass 1. */
#pragma omp for schedule(static)
        for (long i = 0; i < N; i++) out[i] += offset[t];
    }

    /* Serial reference. */
    int ok = 1;
    double run = 0.0;
    for (long i = 0; i < N; i++) {
        run += a[i];
        if (out[i] != run) { ok = 0; break; }
    }
    printf("scan of %ld values with %d threads, last = %.0f: %s\n", N, nt, out[N - 1], ok ? "PASS" : "FAIL");
    free(a); free(out); free(offset);
    return ok ? 0 : 1;
}
