/*---
id: omp-reduction-manual-partial
title: What a reduction does by hand - private partial sums combined in a critical section
descriptions:
  - how does an OpenMP reduction work under the hood
  - sum with per-thread partial results and combine them at the end
  - manual reduction without the reduction clause
api: openmp
lang: c
constructs: [parallel, for, critical, omp_get_thread_num]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 1000000

int main(void) {
    long long total = 0;

    /* This is what reduction(+:total) does for you:
       1. every thread gets a private accumulator initialised to 0,
       2. the loop iterations are shared out, each thread adds into its own
          accumulator (no synchronisation, no false sharing),
       3. at the end each thread adds its partial result to the shared total
          exactly once, inside a critical section (or with an atomic).
       Only nthreads synchronised updates happen instead of N. */
#pragma omp parallel
    {
        long long partial = 0; /* declared inside the region: private */

#pragma omp for
        for (int i = 1; i <= N; i++) partial += i;

#pragma omp critical
        total += partial;
    }

    long long expected = (long long)N * (N + 1) / 2;
    int ok = total == expected;
    printf("1 + ... + %d = %lld: %s\n", N, total, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
