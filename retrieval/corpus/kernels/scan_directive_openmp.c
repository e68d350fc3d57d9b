/*---
id: kern-scan-directive-openmp
title: Prefix sum with the OpenMP 5.0 scan directive (reduction(inscan))
descriptions:
  - OpenMP scan directive example for a prefix sum
  - reduction(inscan, +) with pragma omp scan inclusive and exclusive
  - cumulative sum in one parallel loop with OpenMP 5
api: openmp
lang: c
constructs: ["parallel for reduction(inscan, +)", scan inclusive, scan exclusive]
pattern: scan
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 100000L /* keep moderate: clang puts an N-element scan buffer on the stack */

int main(void) {
    long *a = malloc(N * sizeof *a), *inc = malloc(N * sizeof *inc), *exc = malloc(N * sizeof *exc);
    for (long i = 0; i < N; i++) a[i] = (i * 37) % 11;

    /* Inclusive scan: the statement before "scan inclusive" updates the
       running value; the statement after it reads the prefix up to and
       including element i. */
    long sum = 0;
#pragma omp parallel for reduction(inscan, + : sum)
    for (long i = 0; i < N; i++) {
        sum += a[i];
#pragma omp scan inclusive(sum)
        inc[i] = sum;
    }

    /* Exclusive scan: the use comes first, then the update. */
    long run = 0;
#pragma omp parallel for reduction(inscan, + : run)
    for (long i = 0; i < N; i++) {
        exc[i] = run;
#pragma omp scan exclusive(run)
        run += a[i];
    }

    int ok = 1; /* serial reference */
    long s = 0;
    for (long i = 0; i < N; i++) {
        if (exc[i] != s) ok = 0;
        s += a[i];
        if (inc[i] != s) ok = 0;
    }
    /* Read the total from inc[N-1]: some compilers (clang 14) do not copy the
       final value back into the inscan variable itself after the loop. */
    printf("total %ld with %d threads: %s\n", inc[N - 1], omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(a); free(inc); free(exc);
    return ok ? 0 : 1;
}
