/*---
id: omp-scan-inclusive
title: Parallel prefix sum with the scan directive (OpenMP 5.0)
descriptions:
  - running total / cumulative sum in parallel
  - omp scan inclusive example
  - prefix sum with OpenMP reduction(inscan)
api: openmp
lang: c
constructs: [parallel for, reduction(inscan), scan inclusive, scan exclusive]
pattern: scan
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 100000

int main(void) {
    static long a[N], incl[N], excl[N];
    for (int i = 0; i < N; i++) a[i] = i % 10;

    /* reduction(inscan, +: run) marks run as a scan variable. The body is
       split by "omp scan": for an INCLUSIVE scan the part before the
       directive updates run, the part after reads the prefix including the
       current element. The compiler/runtime run it as a two-pass parallel
       algorithm. (GCC 10+, clang 11+.) */
    long run = 0;
#pragma omp parallel for reduction(inscan, + : run)
    for (int i = 0; i < N; i++) {
        run += a[i];
#pragma omp scan inclusive(run)
        incl[i] = run;
    }

    /* EXCLUSIVE scan: the read comes first, the update after the directive,
       so excl[i] is the sum of a[0..i-1]. */
    long run2 = 0;
#pragma omp parallel for reduction(inscan, + : run2)
    for (int i = 0; i < N; i++) {
        excl[i] = run2;
#pragma omp scan exclusive(run2)
        run2 += a[i];
    }

    int ok = 1;
    long s = 0;
    for (int i = 0; i < N; i++) {
        if (excl[i] != s) ok = 0;
        s += a[i];
        if (incl[i] != s) ok = 0;
    }
    printf("total %ld, incl[9] = %ld, excl[9] = %ld: %s\n", incl[N - 1], incl[9], excl[9],
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
