/*---
id: omp-collapse-matrix
title: Parallelize a double loop over a matrix with collapse(2)
descriptions:
  - parallelize two nested loops at once
  - what does collapse(2) do in OpenMP
  - outer loop has too few iterations to keep all threads busy
  - fill a 2D grid in parallel
api: openmp
lang: c
constructs: [parallel for, collapse(2)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define ROWS 3    /* few rows: parallelizing only the outer loop would */
#define COLS 4000 /* leave threads idle when there are more than 3 */

static double m[ROWS][COLS];

int main(void) {
    /* collapse(2) fuses the two loops into one iteration space of
       ROWS*COLS iterations, which is then divided among the threads.
       Requirements: the loops must be perfectly nested (nothing between
       the two for statements) and the inner bounds must not depend on the
       outer index (rectangular). Both i and j become private. */
#pragma omp parallel for collapse(2)
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++) m[i][j] = 1000.0 * i + j;

    int ok = 1;
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++)
            if (m[i][j] != 1000.0 * i + j) ok = 0;

    printf("filled %d x %d matrix with collapse(2): %s\n", ROWS, COLS, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
