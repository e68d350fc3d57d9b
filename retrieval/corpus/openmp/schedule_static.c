/*---
id: omp-schedule-static
title: Split a loop into equal contiguous blocks with schedule(static)
descriptions:
  - how does schedule(static) divide loop iterations between threads
  - give each thread one contiguous block of the loop
  - which thread runs which iteration with the default static schedule
  - spread a loop over cores when every iteration costs the same
api: openmp
lang: c
constructs: [parallel for, schedule(static), omp_get_thread_num]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 1000

int main(void) {
    static double x[N];
    static int owner[N]; /* owner[i] = thread that executed iteration i */
    int nthreads = 1;

    /* schedule(static) without a chunk size cuts the N iterations into at
       most one contiguous block per thread, of (almost) equal size, handed
       out in thread-number order. It has the lowest overhead of all the
       schedules and is the right choice when every iteration costs the same. */
#pragma omp parallel
    {
#pragma omp single
        nthreads = omp_get_num_threads();

#pragma omp for schedule(static)
        for (int i = 0; i < N; i++) {
            x[i] = 0.5 * i;
            owner[i] = omp_get_thread_num();
        }
    }

    /* Check the work and the distribution: thread numbers must never go
       down along the loop (blocks are in thread order), and there are at
       most nthreads blocks. */
    int ok = 1, blocks = 1;
    for (int i = 0; i < N; i++) {
        if (x[i] != 0.5 * i) ok = 0;
        if (i > 0 && owner[i] < owner[i - 1]) ok = 0;
        if (i > 0 && owner[i] != owner[i - 1]) blocks++;
    }
    if (blocks > nthreads) ok = 0;

    int end0 = 0; /* thread 0's block is [0, end0) */
    while (end0 < N && owner[end0] == 0) end0++;
    printf("%d threads, %d blocks, thread 0 ran iterations 0..%d: %s\n", nthreads, blocks,
           end0 - 1, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
