/*---
id: kern-minloc-udr-openmp
title: Argmin with an OpenMP user-defined reduction (declare reduction)
descriptions:
  - find the minimum value and its index in parallel with OpenMP
  - OpenMP declare reduction example with a struct
  - custom reduction operator for minloc in C
api: openmp
lang: c
constructs: [declare reduction, initializer, parallel for, reduction(minloc)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000000L

typedef struct { double val; long idx; } minloc_t;

/* Combine two candidates: the smaller value wins; on a tie the smaller index,
   so the answer does not depend on how the loop was split. */
static minloc_t better(minloc_t a, minloc_t b) {
    return (b.val < a.val || (b.val == a.val && b.idx < a.idx)) ? b : a;
}

/* omp_out/omp_in are the two partial results; omp_priv is each thread's start value. */
#pragma omp declare reduction(minloc : minloc_t : omp_out = better(omp_out, omp_in)) \
    initializer(omp_priv = (minloc_t){INFINITY, -1})

int main(void) {
    double *a = malloc(N * sizeof *a);
    for (long i = 0; i < N; i++) a[i] = 2.0 + sin(0.001 * i) + 0.5 * cos(0.0007 * i);

    minloc_t best = {INFINITY, -1};
#pragma omp parallel for reduction(minloc : best)
    for (long i = 0; i < N; i++) {
        minloc_t cand = {a[i], i};
        best = better(best, cand);
    }

    minloc_t ref = {INFINITY, -1}; /* serial reference */
    for (long i = 0; i < N; i++)
        if (a[i] < ref.val) { ref.val = a[i]; ref.idx = i; }
    int ok = best.idx == ref.idx && best.val == ref.val;
    printf("min %.12f at index %ld with %d threads: %s\n", best.val, best.idx, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(a);
    return ok ? 0 : 1;
}
