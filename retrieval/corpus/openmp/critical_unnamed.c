/*---
id: omp-critical-unnamed
title: Protect a multi-step update of shared data with critical
descriptions:
  - only one thread at a time should run this block
  - append results to a shared growing array from parallel code
  - critical section example in OpenMP
  - atomic is not enough because the update has several statements
api: openmp
lang: c
constructs: [parallel for, critical, schedule(dynamic)]
pattern: filter
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

/* A shared dynamic array: appending touches data, size and capacity and
   may call realloc, so it must be done by one thread at a time. */
typedef struct {
    int *data;
    int size, cap;
} IntList;

static int push(IntList *l, int v) {
    if (l->size == l->cap) {
        int cap = l->cap ? 2 * l->cap : 16;
        int *p = realloc(l->data, cap * sizeof *p);
        if (!p) return 0;
        l->data = p;
        l->cap = cap;
    }
    l->data[l->size++] = v;
    return 1;
}

static int is_perfect_square(long v) {
    long r = 0;
    while (r * r < v) r++;
    return r * r == v;
}

int main(void) {
    const int n = 20000;
    IntList found = {NULL, 0, 0};
    int ok = 1;

    /* Collect the triangular numbers i (those with 8i+1 a perfect square)
       below n. The expensive test runs in
       parallel; only the append is serialised by the critical section.
       An unnamed critical excludes ALL unnamed critical sections in the
       whole program; see the named variant to separate unrelated ones. */
#pragma omp parallel for schedule(dynamic, 64)
    for (int i = 0; i < n; i++) {
        if (is_perfect_square(8L * i + 1)) {
#pragma omp critical
            {
                if (!push(&found, i)) ok = 0;
            }
        }
    }

    /* Triangular numbers below n: k(k+1)/2 for k = 0, 1, ... */
    int expected = 0;
    for (int k = 0; k * (k + 1) / 2 < n; k++) expected++;
    long sum = 0, ref_sum = 0;
    for (int i = 0; i < found.size; i++) sum += found.data[i];
    for (int k = 0; k * (k + 1) / 2 < n; k++) ref_sum += k * (k + 1) / 2;

    ok = ok && found.size == expected && sum == ref_sum;
    printf("found %d triangular numbers below %d: %s\n", found.size, n, ok ? "PASS" : "FAIL");
    free(found.data);
    return ok ? 0 : 1;
}
