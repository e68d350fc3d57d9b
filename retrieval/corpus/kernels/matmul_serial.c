/*---
id: kern-matmul-serial
title: Naive dense matrix multiplication C = A * B (serial triple loop)
descriptions:
  - multiply two matrices in C with three nested loops
  - dense matrix product reference implementation
  - matrix multiplication checked against a closed formula
api: serial
lang: c
constructs: [triple loop, row-major arrays]
pattern: matmul
threads: [1]
ranks: [1]
---*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N 200

int main(void) {
    double *A = malloc(N * N * sizeof *A), *B = malloc(N * N * sizeof *B), *C = malloc(N * N * sizeof *C);
    /* A(i,k) = i + k, B(k,j) = k - j, stored row-major: A[i*N + k]. */
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++) {
            A[i * N + k] = i + k;
            B[i * N + k] = i - k;
        }

    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < N; k++) s += A[i * N + k] * B[k * N + j];
            C[i * N + j] = s;
        }

    /* Closed form: sum_k (i+k)(k-j) = i*S1 - N*i*j + S2 - j*S1 with
       S1 = sum k = N(N-1)/2 and S2 = sum k^2 = (N-1)N(2N-1)/6. All exact in double. */
    double S1 = N * (N - 1) / 2.0, S2 = (N - 1.0) * N * (2.0 * N - 1.0) / 6.0;
    int ok = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            if (C[i * N + j] != i * S1 - (double)N * i * j + S2 - j * S1) ok = 0;
    printf("C[%d][%d] = %.0f: %s\n", N - 1, 0, C[(N - 1) * N], ok ? "PASS" : "FAIL");
    free(A); free(B); free(C);
    return ok ? 0 : 1;
}
