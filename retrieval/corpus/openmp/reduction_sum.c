/*---
id: omp-reduction-sum
title: Sum an array with an OpenMP reduction
descriptions:
  - sum an array in parallel
  - add up all the numbers in a vector using several threads
  - how do I total the elements of a big array with OpenMP
api: openmp
lang: c
constructs: [parallel for, reduction(+)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000000

int main(void) {
    double *a = malloc(N * sizeof *a);
    for (int i = 0; i < N; i++) a[i] = 1.0 / (i + 1);

    /* Each thread sums its share into a private copy of total;
       reduction(+:total) adds the copies together at the end. */
    double total = 0.0;
#pragma omp parallel for reduction(+ : total)
    for (int i = 0; i < N; i++) total += a[i];

    /* Serial reference, to check the parallel answer. */
    double expected = 0.0;
    for (int i = 0; i < N; i++) expected += a[i];

    free(a);
    int ok = (total - expected) < 1e-9 && (expected - total) < 1e-9;
    printf("sum = %.12f with %d threads: %s\n", total, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
