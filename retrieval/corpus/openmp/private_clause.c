/*---
id: omp-private-clause
title: Give each thread its own scratch variable with private
descriptions:
  - temporary variable inside parallel loop gives wrong answers
  - what does the private clause do
  - each thread needs its own copy of a work variable
api: openmp
lang: c
constructs: [parallel for, private]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 10000

int main(void) {
    static double out[N];
    double tmp, scale; /* declared outside: shared unless we say otherwise */

    /* tmp and scale are written in every iteration. If they were shared,
       two threads could overwrite each other's value between the write and
       the read (a data race, giving wrong results). private(tmp, scale)
       gives each thread its own uninitialised copy; the original
       variables are not changed by the loop. */
#pragma omp parallel for private(tmp, scale)
    for (int i = 0; i < N; i++) {
        scale = 1.0 / (1 + i % 10);
        tmp = sqrt((double)i) * scale;
        out[i] = tmp * tmp;
    }

    int ok = 1;
    for (int i = 0; i < N; i++) {
        double s = 1.0 / (1 + i % 10);
        double want = i * s * s;
        if (fabs(out[i] - want) > 1e-12 * (1.0 + want)) ok = 0;
    }
    printf("private scratch variables: %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
