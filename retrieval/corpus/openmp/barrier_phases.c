/*---
id: omp-barrier-phases
title: Separate two phases of work with an explicit barrier
descriptions:
  - wait until all threads have finished a step before starting the next
  - omp barrier example
  - threads read data written by other threads in the previous phase
api: openmp
lang: c
constructs: [parallel, barrier, omp_get_thread_num, omp_get_num_threads]
pattern: stencil
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 1000

int main(void) {
    static double a[N], b[N];

#pragma omp parallel
    {
        int tid = omp_get_thread_num(), nt = omp_get_num_threads();
        /* Block of indices owned by this thread (handles N % nt != 0). */
        int lo = (int)((long)N * tid / nt), hi = (int)((long)N * (tid + 1) / nt);

        /* Phase 1: each thread fills its own block of a. */
        for (int i = lo; i < hi; i++) a[i] = i * i;

        /* Phase 2 reads a[i-1] and a[i+1], which at the block edges belong
           to NEIGHBOURING threads. Without the barrier a thread could read
           them before the neighbour wrote them. "omp barrier" makes every
           thread wait here until all threads of the team have arrived, and
           makes their writes visible to each other. */
#pragma omp barrier

        for (int i = lo; i < hi; i++) {
            double left = i > 0 ? a[i - 1] : 0.0;
            double right = i < N - 1 ? a[i + 1] : 0.0;
            b[i] = left + right - 2.0 * a[i]; /* discrete second derivative */
        }
    } /* implicit barrier at the end of the parallel region */

    /* For a[i] = i^2 the second difference is 2 everywhere inside. */
    int ok = b[0] == 1.0 && b[N - 1] == (double)(N - 2) * (N - 2) - 2.0 * (N - 1) * (N - 1);
    for (int i = 1; i < N - 1; i++)
        if (b[i] != 2.0) ok = 0;
    printf("second differences of i^2: %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
