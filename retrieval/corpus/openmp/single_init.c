/*---
id: omp-single-init
title: Let one thread do setup work inside a parallel region with single
descriptions:
  - only one thread should allocate or read input inside a parallel region
  - omp single example
  - do something once inside parallel code, then let all threads use it
api: openmp
lang: c
constructs: [parallel, single, for, omp_get_num_threads]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    double *table = NULL; /* shared pointer, set up by one thread */
    int n = 0, nthreads = 0;
    double sum = 0.0;

#pragma omp parallel
    {
        /* Exactly one thread (whichever arrives first) executes the single
           block. The others wait at the implicit barrier at its end, so
           afterwards every thread sees the allocated, sized table. */
#pragma omp single
        {
            nthreads = omp_get_num_threads();
            n = 1000 * nthreads;
            table = malloc(n * sizeof *table);
        }

        if (table) {
            /* All threads now share the work on the table. */
#pragma omp for
            for (int i = 0; i < n; i++) table[i] = 0.5 * i;

#pragma omp for reduction(+ : sum)
            for (int i = 0; i < n; i++) sum += table[i];
        }
    }

    int ok = table != NULL && sum == 0.5 * (double)n * (n - 1) / 2.0;
    printf("%d threads, table of %d, sum %.1f: %s\n", nthreads, n, sum, ok ? "PASS" : "FAIL");
    free(table);
    return ok ? 0 : 1;
}
