/*---
id: omp-private-inner-index
title: Keep the inner loop index private in nested loops
descriptions:
  - wrong results when I parallelize the outer loop of a nested loop
  - inner loop variable declared outside is shared between threads
  - race condition on loop counter j in OpenMP
  - private(j) clause example
api: openmp
lang: c
constructs: [parallel for, private]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 300
#define M 200

static double a[N][M];

int main(void) {
    int i, j; /* old C89 style: both declared before the loops */

    /* Only the loop variable that directly follows "omp for" (i) is made
       private automatically. j is declared outside the parallel region, so
       it would be SHARED: all threads would increment the same j and skip
       or repeat columns. private(j) gives each thread its own j.
       (Easiest fix in modern C: write "for (int j = 0; ...)" so the
       variable is declared inside the region and is private anyway.) */
#pragma omp parallel for private(j)
    for (i = 0; i < N; i++)
        for (j = 0; j < M; j++) a[i][j] = i + 0.001 * j;

    int ok = 1;
    for (i = 0; i < N; i++)
        for (j = 0; j < M; j++)
            if (a[i][j] != i + 0.001 * j) ok = 0;

    printf("nested loop with private(j): %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
