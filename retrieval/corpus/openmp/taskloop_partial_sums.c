/*---
id: omp-taskloop-partial-sums
title: Sum over a taskloop - one partial result per task, combined atomically
descriptions:
  - add up values computed by tasks
  - parallel sum using taskloop instead of a worksharing loop
  - combine per-task partial sums with a single atomic each
api: openmp
lang: c
constructs: [parallel, single, taskloop, num_tasks, atomic]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 1000000
#define NBLOCKS 16

int main(void) {
    double sum = 0.0;

#pragma omp parallel
#pragma omp single
    {
        /* The taskloop runs over BLOCKS, not over single elements: each
           task sums its block into a local variable and then adds that
           partial sum to the shared total with ONE atomic update. This
           keeps synchronisation to NBLOCKS atomics. (OpenMP 5.0 also
           offers "taskloop reduction(+:sum)", which does the same job.)
           The taskloop's implicit taskgroup waits for all blocks. */
#pragma omp taskloop num_tasks(NBLOCKS)
        for (int b = 0; b < NBLOCKS; b++) {
            long lo = (long)N * b / NBLOCKS + 1, hi = (long)N * (b + 1) / NBLOCKS;
            double part = 0.0;
            for (long i = lo; i <= hi; i++) part += 1.0 / ((double)i * i);
#pragma omp atomic
            sum += part;
        }
    }

    const double pi = acos(-1.0);
    double expected = pi * pi / 6.0 - 1.0 / N; /* tail of the series ~ 1/N */
    int ok = fabs(sum - expected) < 1e-9;
    printf("sum 1/i^2 for i = 1..%d is %.10f: %s\n", N, sum, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
