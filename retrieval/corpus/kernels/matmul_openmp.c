/*---
id: kern-matmul-openmp
title: Dense matrix multiplication with OpenMP (rows split among threads, i-k-j loop order)
descriptions:
  - parallelize matrix multiplication with OpenMP
  - my matrix multiply is slow, which loop should I parallelize
  - cache friendly loop order for C = A * B with threads
api: openmp
lang: c
constructs: [parallel for, schedule(static)]
pattern: matmul
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 256

int main(void) {
    double *A = malloc(N * N * sizeof *A), *B = malloc(N * N * sizeof *B);
    double *C = calloc(N * N, sizeof *C);
    for (int i = 0; i < N * N; i++) {
        A[i] = (double)(i % 17) / 17.0;
        B[i] = (double)(i % 13) / 13.0 - 0.5;
    }

    /* Parallelise the outer i loop: every thread owns whole rows of C, so no
       two threads write the same element.  The i-k-j order makes the inner
       loop run along rows of B and C (unit stride, vectorisable). */
#pragma omp parallel for schedule(static)
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++) {
            double aik = A[i * N + k];
            for (int j = 0; j < N; j++) C[i * N + j] += aik * B[k * N + j];
        }

    /* Serial reference with the textbook i-j-k loop. */
    int ok = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < N; k++) s += A[i * N + k] * B[k * N + j];
            if (fabs(s - C[i * N + j]) > 1e-10 * (1.0 + fabs(s))) ok = 0;
        }
    printf("%dx%d product with %d threads: %s\n", N, N, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(A); free(B); free(C);
    return ok ? 0 : 1;
}
