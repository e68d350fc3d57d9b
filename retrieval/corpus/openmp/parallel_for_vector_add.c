/*---
id: omp-parallel-for-vector-add
title: Add two vectors with parallel for
descriptions:
  - simplest OpenMP parallel loop example
  - make my for loop use all the cores
  - element-wise c = a + b in parallel
  - how do I parallelize a loop in C
api: openmp
lang: c
constructs: [parallel for]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const int n = 1000000;
    double *a = malloc(n * sizeof *a);
    double *b = malloc(n * sizeof *b);
    double *c = malloc(n * sizeof *c);
    if (!a || !b || !c) return 1;

    for (int i = 0; i < n; i++) {
        a[i] = i;
        b[i] = 2.0 * i;
    }

    /* "parallel for" starts a team of threads and splits the iterations of
       the following loop among them. Every iteration writes a different
       c[i], so no synchronisation is needed. The loop variable i is
       automatically private to each thread. */
#pragma omp parallel for
    for (int i = 0; i < n; i++) c[i] = a[i] + b[i];

    int ok = 1;
    for (int i = 0; i < n; i++)
        if (c[i] != 3.0 * i) {
            ok = 0;
            break;
        }
    printf("c = a + b on %d threads: %s\n", omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(a);
    free(b);
    free(c);
    return ok ? 0 : 1;
}
