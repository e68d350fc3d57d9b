/*---
id: omp-atomic-vs-critical-cost
title: Cost of synchronisation - reduction vs atomic vs critical
descriptions:
  - why is my OpenMP code with critical so slow
  - atomic or critical, which is faster
  - compare the cost of synchronisation methods for a shared sum
api: openmp
lang: c
constructs: [parallel for, reduction(+), atomic, critical, omp_get_wtime]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 50000

int main(void) {
    long s_red = 0, s_atomic = 0, s_crit = 0;
    double t0, t_red, t_atomic, t_crit;

    /* 1. reduction: private sums, combined once per thread. Fastest. */
    t0 = omp_get_wtime();
#pragma omp parallel for reduction(+ : s_red)
    for (int i = 0; i < N; i++) s_red += i % 7;
    t_red = omp_get_wtime() - t0;

    /* 2. atomic: one hardware atomic add per iteration. Correct, but every
       update fights for the same cache line. */
    t0 = omp_get_wtime();
#pragma omp parallel for
    for (int i = 0; i < N; i++) {
#pragma omp atomic
        s_atomic += i % 7;
    }
    t_atomic = omp_get_wtime() - t0;

    /* 3. critical: a lock acquire/release per iteration. Works for any
       block of code, but is the most expensive for a single update. */
    t0 = omp_get_wtime();
#pragma omp parallel for
    for (int i = 0; i < N; i++) {
#pragma omp critical
        s_crit += i % 7;
    }
    t_crit = omp_get_wtime() - t0;

    long expected = 0;
    for (int i = 0; i < N; i++) expected += i % 7;
    int ok = s_red == expected && s_atomic == expected && s_crit == expected;
    /* Typical ordering: reduction << atomic < critical. Timings vary with
       the machine and are not checked. */
    printf("reduction %.5f s, atomic %.5f s, critical %.5f s (%d threads): %s\n", t_red, t_atomic,
           t_crit, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
