/*---
id: omp-task-merge-sort
title: Parallel merge sort with OpenMP tasks and a serial cutoff
descriptions:
  - sort an array in parallel with OpenMP
  - parallel merge sort using tasks
  - recursive sorting where both halves are sorted at the same time
api: openmp
lang: c
constructs: [parallel, single, task, taskwait, if clause]
pattern: sort
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CUTOFF 2048 /* subarrays smaller than this are sorted without new tasks */

static void merge(int *a, int *tmp, int lo, int mid, int hi) {
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < hi) tmp[k++] = a[j++];
    memcpy(a + lo, tmp + lo, (hi - lo) * sizeof *a);
}

/* Sort a[lo, hi) using tmp as scratch space. */
static void merge_sort(int *a, int *tmp, int lo, int hi) {
    if (hi - lo < 2) return;
    int mid = lo + (hi - lo) / 2;
    /* The two halves are independent (disjoint parts of a and tmp), so
       they can be sorted by two tasks. if(...) makes small subproblems run
       immediately in the current thread (an "undeferred" task), which
       avoids the overhead of scheduling thousands of tiny tasks. */
#pragma omp task if (hi - lo > CUTOFF)
    merge_sort(a, tmp, lo, mid);
#pragma omp task if (hi - lo > CUTOFF)
    merge_sort(a, tmp, mid, hi);
#pragma omp taskwait /* both halves must be sorted before merging */
    merge(a, tmp, lo, mid, hi);
}

int main(void) {
    const int n = 200000;
    int *a = malloc(n * sizeof *a), *tmp = malloc(n * sizeof *tmp);
    if (!a || !tmp) return 1;
    unsigned x = 2024;
    long long sum_before = 0;
    for (int i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5; /* xorshift pseudo-random numbers */
        a[i] = (int)(x % 1000000);
        sum_before += a[i];
    }

    double t0 = omp_get_wtime();
#pragma omp parallel
#pragma omp single
    merge_sort(a, tmp, 0, n);
    double t = omp_get_wtime() - t0;

    /* Sorted, and still the same multiset (checked via the sum). */
    int ok = 1;
    long long sum_after = a[0];
    for (int i = 1; i < n; i++) {
        if (a[i - 1] > a[i]) ok = 0;
        sum_after += a[i];
    }
    ok = ok && sum_after == sum_before;
    printf("sorted %d ints in %.4f s: %s\n", n, t, ok ? "PASS" : "FAIL");
    free(a);
    free(tmp);
    return ok ? 0 : 1;
}
