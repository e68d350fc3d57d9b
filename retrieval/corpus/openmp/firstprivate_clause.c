/*---
id: omp-firstprivate-clause
title: Private copies that start with the outside value - firstprivate
descriptions:
  - private variable is uninitialised inside the parallel region
  - difference between private and firstprivate
  - each thread needs a copy of a variable initialised from before the loop
api: openmp
lang: c
constructs: [parallel, for, firstprivate, omp_get_thread_num]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000

int main(void) {
    static int a[N];
    int offset = 100; /* set before the region */
    int done = 0;     /* per-thread iteration counter, must start at 0 */
    int *per_thread = calloc(omp_get_max_threads(), sizeof *per_thread);
    if (!per_thread) return 1;

    /* private(offset, done) would give each thread UNINITIALISED copies.
       firstprivate(offset, done) gives each thread copies initialised with
       the values they had before the region. Each thread can then modify
       its own copy (done++) without any race, and the original variables
       are not changed by the region. */
#pragma omp parallel firstprivate(offset, done)
    {
#pragma omp for
        for (int i = 0; i < N; i++) {
            a[i] = i + offset;
            done++; /* this thread's private count */
        }
        per_thread[omp_get_thread_num()] = done;
    }

    int ok = offset == 100 && done == 0; /* originals untouched */
    for (int i = 0; i < N; i++)
        if (a[i] != i + 100) ok = 0;
    int total = 0;
    for (int t = 0; t < omp_get_max_threads(); t++) total += per_thread[t];
    ok = ok && total == N; /* every private counter started from 0 */

    printf("a[%d] = %d, iterations counted by thread 0: %d of %d: %s\n", N - 1, a[N - 1],
           per_thread[0], N, ok ? "PASS" : "FAIL");
    free(per_thread);
    return ok ? 0 : 1;
}
