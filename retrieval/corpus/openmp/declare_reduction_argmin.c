/*---
id: omp-declare-reduction-argmin
title: User-defined reduction (declare reduction) to find the minimum and its index
descriptions:
  - find the position of the smallest element in parallel
  - argmin with OpenMP, minimum value together with its index
  - how do I write a custom reduction for a struct with declare reduction
api: openmp
lang: c
constructs: [declare reduction, parallel for, reduction(user-defined)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <float.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 100000

typedef struct {
    double value;
    int index;
} MinLoc;

/* Combine two partial answers. Ties go to the smaller index so the result
   does not depend on how the iterations were split. */
static MinLoc minloc_combine(MinLoc a, MinLoc b) {
    if (b.value < a.value || (b.value == a.value && b.index < a.index)) return b;
    return a;
}

/* declare reduction(name : type : combiner) initializer(...)
   omp_in  = a partial result to merge, omp_out = the accumulator,
   omp_priv = how each thread's private copy starts (the identity). */
#pragma omp declare reduction(argmin : MinLoc : omp_out = minloc_combine(omp_out, omp_in)) \
    initializer(omp_priv = (MinLoc){DBL_MAX, -1})

int main(void) {
    static double x[N];
    for (int i = 0; i < N; i++) x[i] = cos(0.0007 * i) + 0.000001 * i; /* several near-equal dips */

    MinLoc best = {DBL_MAX, -1};
#pragma omp parallel for reduction(argmin : best)
    for (int i = 0; i < N; i++) best = minloc_combine(best, (MinLoc){x[i], i});

    int ref = 0;
    for (int i = 1; i < N; i++)
        if (x[i] < x[ref]) ref = i;

    int ok = best.index == ref && best.value == x[ref];
    printf("minimum %.9f at index %d: %s\n", best.value, best.index, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
