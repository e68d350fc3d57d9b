/*---
id: omp-lastprivate-conditional
title: Last index where a condition held - lastprivate(conditional:)
descriptions:
  - find the last element that matches a condition in parallel
  - variable assigned only in some iterations, keep the last assignment
  - OpenMP 5.0 lastprivate conditional modifier
api: openmp
lang: c
constructs: [parallel for, lastprivate(conditional)]
pattern: search
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 100000

int main(void) {
    static int a[N];
    for (int i = 0; i < N; i++) a[i] = (i * 7919) % 1000;

    /* last is only assigned when a[i] == 0. Plain lastprivate would copy
       out the private value of the thread that ran the final iteration,
       which may never have been assigned. lastprivate(conditional: last)
       (OpenMP 5.0) copies out the value from the last iteration that
       actually ASSIGNED it: the same answer a serial loop gives. */
    int last = -1;
#pragma omp parallel for lastprivate(conditional : last)
    for (int i = 0; i < N; i++)
        if (a[i] == 0) last = i;

    int ref = -1;
    for (int i = 0; i < N; i++)
        if (a[i] == 0) ref = i;

    int ok = last == ref && ref != -1;
    printf("last index with a[i] == 0: %d (serial %d): %s\n", last, ref, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
