/*---
id: kern-matvec-openmp
title: Matrix-vector product with OpenMP, one row per iteration
descriptions:
  - parallelize a matrix vector multiplication with OpenMP
  - which loop of y = A*x should get the parallel for
  - speed up gemv with threads and no race on y
api: openmp
lang: c
constructs: [parallel for, schedule(static)]
pattern: matvec
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define ROWS 1000
#define COLS 800

int main(void) {
    double *A = malloc((size_t)ROWS * COLS * sizeof *A), *x = malloc(COLS * sizeof *x);
    double *y = malloc(ROWS * sizeof *y);
    for (size_t k = 0; k < (size_t)ROWS * COLS; k++) A[k] = sin(0.001 * (double)k);
    for (int j = 0; j < COLS; j++) x[j] = 1.0 / (j + 1.0);

    /* Parallel over rows: each y[i] is written by exactly one thread, and the
       dot product for a row stays sequential inside that thread (no race). */
#pragma omp parallel for schedule(static)
    for (int i = 0; i < ROWS; i++) {
        double s = 0.0;
        for (int j = 0; j < COLS; j++) s += A[(size_t)i * COLS + j] * x[j];
        y[i] = s;
    }

    int ok = 1; /* serial reference */
    for (int i = 0; i < ROWS; i++) {
        double s = 0.0;
        for (int j = 0; j < COLS; j++) s += A[(size_t)i * COLS + j] * x[j];
        if (fabs(s - y[i]) > 1e-12 * (1.0 + fabs(s))) ok = 0;
    }
    printf("y = A x (%dx%d) with %d threads: %s\n", ROWS, COLS, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(A); free(x); free(y);
    return ok ? 0 : 1;
}
