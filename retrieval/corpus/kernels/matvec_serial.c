/*---
id: kern-matvec-serial
title: Dense matrix-vector product y = A x (serial)
descriptions:
  - multiply a matrix by a vector in C
  - dense matrix vector product with row-major storage
  - simple gemv loop checked against a formula
api: serial
lang: c
constructs: [double loop, row-major arrays]
pattern: matvec
threads: [1]
ranks: [1]
---*/
#include <stdio.h>
#include <stdlib.h>

#define ROWS 700
#define COLS 500

int main(void) {
    double *A = malloc((size_t)ROWS * COLS * sizeof *A), *x = malloc(COLS * sizeof *x), *y = malloc(ROWS * sizeof *y);
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++) A[(size_t)i * COLS + j] = i + 2.0 * j; /* A(i,j) = i + 2j */
    for (int j = 0; j < COLS; j++) x[j] = 1.0;

    /* y(i) = sum_j A(i,j) x(j): one dot product per row, unit stride over A. */
    for (int i = 0; i < ROWS; i++) {
        double s = 0.0;
        for (int j = 0; j < COLS; j++) s += A[(size_t)i * COLS + j] * x[j];
        y[i] = s;
    }

    /* With x = 1: y(i) = COLS*i + 2 * COLS(COLS-1)/2 = COLS*i + COLS(COLS-1). */
    int ok = 1;
    for (int i = 0; i < ROWS; i++)
        if (y[i] != (double)COLS * i + (double)COLS * (COLS - 1)) ok = 0;
    printf("y[%d] = %.0f: %s\n", ROWS - 1, y[ROWS - 1], ok ? "PASS" : "FAIL");
    free(A); free(x); free(y);
    return ok ? 0 : 1;
}
