/*---
id: omp-masked-master
title: Run code on the primary thread only - masked (OpenMP 5.1) and master
descriptions:
  - only thread 0 should print progress inside a parallel region
  - difference between omp single and omp master
  - omp masked filter clause example
api: openmp
lang: c
constructs: [parallel, masked, masked filter, master, barrier, omp_get_thread_num]
pattern: control
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 2000

int main(void) {
    static double a[N];
    int masked_by = -1, filtered_by = -1, master_by = -1;
    int nthreads = 0;

#pragma omp parallel
    {
#pragma omp for
        for (int i = 0; i < N; i++) a[i] = i;

        /* masked (OpenMP 5.1, GCC 12+, clang 14+): only the primary thread
           (thread 0) runs the block. Unlike single there is NO barrier at
           the end and no guarantee about timing, so the other threads run
           on; add an explicit barrier if they need its results. */
#pragma omp masked
        {
            masked_by = omp_get_thread_num();
            nthreads = omp_get_num_threads();
        }

        /* filter(t) picks another thread. If there is no thread t (e.g. a
           team of one), nobody runs the block. */
#pragma omp masked filter(1)
        filtered_by = omp_get_thread_num();

        /* master is the older spelling of masked (deprecated in 5.1).
           Use it for compilers older than GCC 12 / clang 14. */
#pragma omp master
        master_by = omp_get_thread_num();

#pragma omp barrier /* masked/master have no implied barrier */
    }

    int ok = masked_by == 0 && master_by == 0 && a[N - 1] == N - 1;
    ok = ok && (nthreads >= 2 ? filtered_by == 1 : filtered_by == -1);
    printf("masked ran on %d, masked filter(1) on %d, master on %d (%d threads): %s\n", masked_by,
           filtered_by, master_by, nthreads, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
