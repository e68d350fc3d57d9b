/*---
id: omp-matvec
title: Matrix-vector product y = A x with OpenMP
descriptions:
  - parallel matrix vector multiplication
  - dense matvec in C with threads, row-wise
  - speed up y = A*x with OpenMP
api: openmp
lang: c
constructs: [parallel for, simd, reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const int rows = 1500, cols = 1000;
    double *A = malloc((size_t)rows * cols * sizeof *A);
    double *x = malloc(cols * sizeof *x), *y = malloc(rows * sizeof *y);
    if (!A || !x || !y) return 1;
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) A[(size_t)i * cols + j] = 1.0 / (1 + i + j);
    for (int j = 0; j < cols; j++) x[j] = 1.0;

    /* Row-wise: each y[i] is an independent dot product, so the outer loop
       is parallel and nothing is shared for writing. The inner loop is a
       reduction that can use SIMD lanes. (Parallelizing the inner loop
       instead would create a tiny parallel region per row: much slower.) */
#pragma omp parallel for
    for (int i = 0; i < rows; i++) {
        const double *row = A + (size_t)i * cols;
        double s = 0.0;
#pragma omp simd reduction(+ : s)
        for (int j = 0; j < cols; j++) s += row[j] * x[j];
        y[i] = s;
    }

    /* With x = 1, y[i] = sum_j 1/(1+i+j) = H(i+cols) - H(i) (harmonic numbers). */
    int ok = 1;
    for (int i = 0; i < rows; i += 97) {
        double ref = 0.0;
        for (int j = cols - 1; j >= 0; j--) ref += 1.0 / (1 + i + j);
        if (fabs(y[i] - ref) > 1e-12 * ref) ok = 0;
    }
    printf("y[0] = %.6f (H(1000) = 7.485471): %s\n", y[0], ok ? "PASS" : "FAIL");
    free(A);
    free(x);
    free(y);
    return ok ? 0 : 1;
}
