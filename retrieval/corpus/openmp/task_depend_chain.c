/*---
id: omp-task-depend
title: Order tasks with depend(in/out/inout) instead of barriers
descriptions:
  - tasks that must run in a certain order
  - OpenMP task dependencies depend in out example
  - build a task graph where some steps can run concurrently
api: openmp
lang: c
constructs: [parallel, single, task, depend(in), depend(out), depend(inout), taskwait]
pattern: task graph
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 10000

static double a[N], b[N], c[N];
static double sum_c = 0.0;

int main(void) {
    /* Task graph:
         T1: write a          depend(out: a)
         T2: write b          depend(out: b)        (runs alongside T1)
         T3: c = a + b        depend(in: a, b) depend(out: c)
         T4: c = 2 * c        depend(inout: c)      (after T3)
         T5: sum_c = sum(c)   depend(in: c)         (after T4)
       The runtime starts a task only when the tasks it depends on (earlier
       sibling tasks naming the same variable) have finished. The array's
       name stands for the whole array in the depend clause. */
#pragma omp parallel
#pragma omp single
    {
#pragma omp task depend(out : a)
        for (int i = 0; i < N; i++) a[i] = i;

#pragma omp task depend(out : b)
        for (int i = 0; i < N; i++) b[i] = 2.0 * i;

#pragma omp task depend(in : a, b) depend(out : c)
        for (int i = 0; i < N; i++) c[i] = a[i] + b[i];

#pragma omp task depend(inout : c)
        for (int i = 0; i < N; i++) c[i] *= 2.0;

#pragma omp task depend(in : c)
        {
            double s = 0.0;
            for (int i = 0; i < N; i++) s += c[i];
            sum_c = s;
        }

#pragma omp taskwait /* wait for the whole graph */
    }

    /* c[i] = 2 * (i + 2i) = 6i, so the sum is 6 * N(N-1)/2. */
    double expected = 6.0 * N * (N - 1) / 2.0;
    int ok = sum_c == expected && c[N - 1] == 6.0 * (N - 1);
    printf("sum of c = %.0f: %s\n", sum_c, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
