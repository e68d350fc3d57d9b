/*---
id: omp-false-sharing-local
title: Avoid false sharing by accumulating in a local variable
descriptions:
  - per-thread partial sums array is slow
  - fix false sharing without padding
  - accumulate in a private variable and write the result once
api: openmp
lang: c
constructs: [parallel, for, omp_get_thread_num, omp_get_num_threads, single]
pattern: performance
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 2000000

int main(void) {
    double *x = malloc(N * sizeof *x);
    if (!x) return 1;
    for (int i = 0; i < N; i++) x[i] = (i % 10) * 0.5;

    double *partial = NULL;
    int nt = 1;

#pragma omp parallel
    {
#pragma omp single
        {
            nt = omp_get_num_threads();
            partial = calloc(nt, sizeof *partial);
        }
        if (partial) {
            const int t = omp_get_thread_num();
            /* SLOW pattern: partial[t] += x[i] inside the loop. Neighbouring
               partial[] entries share a cache line, so every update causes
               cache-line traffic between cores (false sharing).
               FAST pattern (below): add into a local variable, which lives in
               a register or on this thread's own stack, and touch the shared
               array once at the end. */
            double local = 0.0;
#pragma omp for
            for (int i = 0; i < N; i++) local += x[i];
            partial[t] = local;
        }
    } /* barrier: all partial[] entries are written */

    double total = 0.0;
    for (int t = 0; t < nt && partial; t++) total += partial[t];

    /* (A reduction(+:total) clause does exactly this for you.) */
    double expected = (N / 10) * 22.5; /* 0.5 * (0 + 1 + ... + 9) per 10 elements */
    int ok = partial != NULL && total == expected;
    printf("total = %.1f using %d per-thread partial sums: %s\n", total, nt, ok ? "PASS" : "FAIL");
    free(partial);
    free(x);
    return ok ? 0 : 1;
}
