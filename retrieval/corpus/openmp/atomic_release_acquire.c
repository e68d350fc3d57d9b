/*---
id: omp-atomic-release-acquire
title: Pass a token from thread to thread with atomic release/acquire (OpenMP 5.0)
descriptions:
  - make threads take turns in thread-number order
  - atomic with memory order release and acquire in OpenMP
  - signal another thread that data is ready without a barrier
api: openmp
lang: c
constructs: [parallel, atomic write release, atomic read acquire, omp_get_thread_num, omp_get_num_threads]
pattern: point-to-point
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define PER_THREAD 5

int main(void) {
    const int maxt = omp_get_max_threads();
    int *log = malloc(maxt * PER_THREAD * sizeof *log); /* written in turn order */
    int *done = calloc(maxt + 1, sizeof *done);          /* done[t]: thread t-1 finished */
    if (!log || !done) return 1;
    done[0] = 1; /* thread 0 may start at once */
    int nthreads = 0;

#pragma omp parallel
    {
        int t = omp_get_thread_num();
        if (t == 0) nthreads = omp_get_num_threads();

        /* Wait for my turn. acquire: once I read 1, everything the previous
           thread wrote before its release store is visible to me. */
        int go = 0;
        while (!go) {
#pragma omp atomic read acquire
            go = done[t];
        }

        /* Critical-section-like work, in strict thread order: no lock is
           needed because only the thread holding the token is here. */
        for (int k = 0; k < PER_THREAD; k++) log[t * PER_THREAD + k] = 100 * t + k;

        /* Hand the token on. release: my writes to log[] happen-before the
           next thread's acquire read of the flag. */
#pragma omp atomic write release
        done[t + 1] = 1;
    }

    int ok = nthreads >= 1;
    for (int t = 0; t < nthreads; t++)
        for (int k = 0; k < PER_THREAD; k++)
            if (log[t * PER_THREAD + k] != 100 * t + k) ok = 0;
    printf("%d threads took their turns in order: %s\n", nthreads, ok ? "PASS" : "FAIL");
    free(log);
    free(done);
    return ok ? 0 : 1;
}
