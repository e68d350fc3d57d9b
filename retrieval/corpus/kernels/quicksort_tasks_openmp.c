/*---
id: kern-quicksort-tasks-openmp
title: Parallel quicksort with OpenMP tasks (if clause cutoff)
descriptions:
  - parallel quicksort using OpenMP tasks
  - spawn a task for each partition of a recursive sort
  - stop creating tasks for small subarrays with the if clause
api: openmp
lang: c
constructs: [parallel, single, task, if clause, taskwait, default(none)]
pattern: sort
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CUTOFF 10000

static long partition(int *a, long lo, long hi) { /* Hoare scheme, returns split j */
    int pivot = a[lo + (hi - lo) / 2];
    long i = lo - 1, j = hi + 1;
    for (;;) {
        do i++; while (a[i] < pivot);
        do j--; while (a[j] > pivot);
        if (i >= j) return j;
        int t = a[i]; a[i] = a[j]; a[j] = t;
    }
}

static void quicksort(int *a, long lo, long hi) {
    if (lo >= hi) return;
    long j = partition(a, lo, hi);
    /* The parts [lo, j] and [j+1, hi] are disjoint, so they can be sorted at
       the same time.  if(...) makes small parts run immediately instead of
       becoming deferred tasks.  a, lo, j, hi are firstprivate in the task. */
#pragma omp task default(none) firstprivate(a, lo, j) if (j - lo > CUTOFF)
    quicksort(a, lo, j);
#pragma omp task default(none) firstprivate(a, j, hi) if (hi - j > CUTOFF)
    quicksort(a, j + 1, hi);
    /* No taskwait needed for correctness here: the parallel region's end
       waits for all tasks.  Add one if the caller needs the result earlier. */
}

static int cmp_int(const void *x, const void *y) {
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

int main(void) {
    const long n = 300000;
    int *a = malloc(n * sizeof *a), *ref = malloc(n * sizeof *ref);
    unsigned s = 5u;
    for (long i = 0; i < n; i++) { s = s * 1103515245u + 12345u; a[i] = (int)(s >> 8); }
    memcpy(ref, a, n * sizeof *a);

#pragma omp parallel
#pragma omp single
    quicksort(a, 0, n - 1);
    /* implicit barrier at the end of single/parallel: all tasks are complete */

    qsort(ref, n, sizeof *ref, cmp_int); /* serial reference */
    int ok = memcmp(a, ref, n * sizeof *a) == 0;
    printf("task quicksort of %ld ints with %d threads: %s\n", n, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(a);
    free(ref);
    return ok ? 0 : 1;
}
