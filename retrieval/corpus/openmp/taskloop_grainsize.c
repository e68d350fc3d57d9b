/*---
id: omp-taskloop-grainsize
title: Turn a loop into tasks with taskloop, grainsize and num_tasks
descriptions:
  - taskloop example in OpenMP
  - split a loop into tasks from inside a single region
  - control task size with grainsize or num_tasks
api: openmp
lang: c
constructs: [parallel, single, taskloop, grainsize, num_tasks, nogroup, taskwait]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 20000

static double a[N], b[N];

int main(void) {
#pragma omp parallel
#pragma omp single
    {
        /* taskloop cuts the loop into tasks that any thread of the team may
           execute. Unlike "omp for" it is encountered by ONE thread, so it
           mixes well with other tasks (e.g. inside recursive task code).
           grainsize(500): each task gets roughly 500 iterations. */
#pragma omp taskloop grainsize(500)
        for (int i = 0; i < N; i++) a[i] = sqrt((double)i);
        /* taskloop waits for its tasks at the end (an implicit taskgroup) */

        /* num_tasks(8): ask for 8 tasks regardless of N. nogroup removes
           the implicit wait, so we wait explicitly with taskwait. */
#pragma omp taskloop num_tasks(8) nogroup
        for (int i = 0; i < N; i++) b[i] = a[i] * a[i];
#pragma omp taskwait
    }

    int ok = 1;
    for (int i = 0; i < N; i++)
        if (fabs(b[i] - i) > 1e-9 * (i + 1)) ok = 0;
    printf("b[i] = sqrt(i)^2 = i for all %d elements: %s\n", N, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
