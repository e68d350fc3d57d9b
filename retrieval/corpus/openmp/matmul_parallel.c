/*---
id: omp-matmul
title: Matrix multiplication with OpenMP
descriptions:
  - parallel matrix multiply C = A * B
  - speed up a triple nested loop matrix product with threads
  - which loop should I parallelize in matrix multiplication
api: openmp
lang: c
constructs: [parallel for, schedule(static)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 200

int main(void) {
    double *A = malloc(N * N * sizeof *A);
    double *B = malloc(N * N * sizeof *B);
    double *C = malloc(N * N * sizeof *C);
    if (!A || !B || !C) return 1;
    for (int i = 0; i < N * N; i++) {
        A[i] = (i % 13) * 0.1;
        B[i] = (i % 7) * 0.2;
    }

    double t0 = omp_get_wtime();
    /* Parallelize the outermost loop: each thread computes whole rows of C,
       so no two threads ever write the same element. The i-k-j loop order
       walks B and C row by row (contiguous memory), which matters as much
       as the threads for speed. */
#pragma omp parallel for schedule(static)
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) C[i * N + j] = 0.0;
        for (int k = 0; k < N; k++) {
            double aik = A[i * N + k];
            for (int j = 0; j < N; j++) C[i * N + j] += aik * B[k * N + j];
        }
    }
    double t = omp_get_wtime() - t0;

    /* Check a few entries against a straightforward dot product. */
    int ok = 1;
    for (int i = 0; i < N; i += 37)
        for (int j = 0; j < N; j += 41) {
            double ref = 0.0;
            for (int k = 0; k < N; k++) ref += A[i * N + k] * B[k * N + j];
            if (fabs(C[i * N + j] - ref) > 1e-9 * (1.0 + fabs(ref))) ok = 0;
        }

    printf("%dx%d matmul in %.4f s on %d threads: %s\n", N, N, t, omp_get_max_threads(),
           ok ? "PASS" : "FAIL");
    free(A);
    free(B);
    free(C);
    return ok ? 0 : 1;
}
