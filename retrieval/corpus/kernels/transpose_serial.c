/*---
id: kern-transpose-serial
title: Matrix transpose, naive and cache-blocked (serial)
descriptions:
  - transpose a matrix in C
  - cache blocking for a matrix transpose with tiles
  - why is my transpose slow for large matrices
api: serial
lang: c
constructs: [loop tiling, row-major arrays]
pattern: transpose
threads: [1]
ranks: [1]
---*/
#include <stdio.h>
#include <stdlib.h>

#define R 1000 /* rows of A */
#define C 700  /* columns of A */
#define BS 32

int main(void) {
    double *A = malloc((size_t)R * C * sizeof *A), *T1 = malloc((size_t)R * C * sizeof *T1);
    double *T2 = malloc((size_t)R * C * sizeof *T2);
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++) A[(size_t)i * C + j] = i * 10000.0 + j; /* encodes (i, j) */

    /* Naive: reads A by rows but writes T1 by columns (stride R): cache unfriendly. */
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++) T1[(size_t)j * R + i] = A[(size_t)i * C + j];

    /* Blocked: handle BS x BS tiles so both the read and the write tile stay in cache. */
    for (int ii = 0; ii < R; ii += BS)
        for (int jj = 0; jj < C; jj += BS)
            for (int i = ii; i < ii + BS && i < R; i++)
                for (int j = jj; j < jj + BS && j < C; j++) T2[(size_t)j * R + i] = A[(size_t)i * C + j];

    /* Closed form: T(j, i) = A(i, j) = i*10000 + j. */
    int ok = 1;
    for (int j = 0; j < C; j++)
        for (int i = 0; i < R; i++) {
            double e = i * 10000.0 + j;
            if (T1[(size_t)j * R + i] != e || T2[(size_t)j * R + i] != e) ok = 0;
        }
    printf("transposed %dx%d matrix: %s\n", R, C, ok ? "PASS" : "FAIL");
    free(A); free(T1); free(T2);
    return ok ? 0 : 1;
}
