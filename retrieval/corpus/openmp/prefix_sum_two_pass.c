/*---
id: omp-prefix-sum-two-pass
title: Prefix sum by hand - per-thread block sums, then offsets
descriptions:
  - parallel cumulative sum without the scan directive
  - how does a parallel prefix sum algorithm work
  - two pass scan with one block per thread
api: openmp
lang: c
constructs: [parallel, for schedule(static), single, barrier, omp_get_thread_num, omp_get_num_threads]
pattern: scan
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 100003

int main(void) {
    long *a = malloc(N * sizeof *a), *out = malloc(N * sizeof *out);
    if (!a || !out) return 1;
    for (int i = 0; i < N; i++) a[i] = (i * 31) % 17;
    long *block_sum = NULL; /* one entry per thread, plus one */

#pragma omp parallel
    {
        int t = omp_get_thread_num(), nt = omp_get_num_threads();
#pragma omp single
        block_sum = calloc(nt + 1, sizeof *block_sum);
        /* implicit barrier: block_sum is allocated for everyone */

        /* Pass 1: each thread scans its own contiguous block (static
           schedule = one block per thread, in thread order). */
        long s = 0;
#pragma omp for schedule(static)
        for (int i = 0; i < N; i++) {
            s += a[i];
            out[i] = s;
        }
        block_sum[t + 1] = s; /* total of this thread's block */
#pragma omp barrier

        /* Pass 2a: one thread turns block totals into block offsets. */
#pragma omp single
        for (int k = 1; k <= nt; k++) block_sum[k] += block_sum[k - 1];

        /* Pass 2b: each thread adds the offset of all earlier blocks.
           The same static schedule gives every thread the same block. */
        long offset = block_sum[t];
#pragma omp for schedule(static)
        for (int i = 0; i < N; i++) out[i] += offset;
    }

    int ok = 1;
    long s = 0;
    for (int i = 0; i < N; i++) {
        s += a[i];
        if (out[i] != s) ok = 0;
    }
    printf("prefix sum of %d elements, total %ld: %s\n", N, out[N - 1], ok ? "PASS" : "FAIL");
    free(a);
    free(out);
    free(block_sum);
    return ok ? 0 : 1;
}
