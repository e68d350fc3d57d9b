/*---
id: omp-nowait-loops
title: Remove an unnecessary barrier between independent loops with nowait
descriptions:
  - threads wait at the end of each omp for, can I skip that
  - nowait clause example
  - two independent loops in one parallel region without synchronisation in between
api: openmp
lang: c
constructs: [parallel, for, nowait, schedule(static)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 100000

int main(void) {
    static double a[N], b[N], c[N];

#pragma omp parallel
    {
        /* Loops 1 and 2 touch different arrays, so a thread that finishes
           its part of loop 1 may start loop 2 immediately: nowait removes
           the implied barrier at the end of the first loop. */
#pragma omp for schedule(static) nowait
        for (int i = 0; i < N; i++) a[i] = sin(0.001 * i);

#pragma omp for schedule(static) nowait
        for (int i = 0; i < N; i++) b[i] = cos(0.001 * i);

        /* Loop 3 reads a[i] and b[i]. That is only safe because all three
           loops use schedule(static) with the same iteration count: OpenMP
           then guarantees the same thread gets the same i in each loop, so
           every thread reads values it wrote itself. With any other
           schedule, drop the nowait (or put a barrier here). */
#pragma omp for schedule(static)
        for (int i = 0; i < N; i++) c[i] = a[i] * a[i] + b[i] * b[i];
    }

    int ok = 1;
    for (int i = 0; i < N; i++)
        if (fabs(c[i] - 1.0) > 1e-12) ok = 0;
    printf("sin^2 + cos^2 == 1 everywhere: %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
