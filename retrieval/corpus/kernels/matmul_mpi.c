/*---
id: kern-matmul-mpi
title: Matrix multiplication with MPI - scatter rows of A, broadcast B, gather C
descriptions:
  - distributed matrix multiply with MPI
  - MPI_Scatterv rows of a matrix when the row count does not divide evenly
  - each process computes a block of rows of the product
api: mpi
lang: c
constructs: [MPI_Scatterv, MPI_Bcast, MPI_Gatherv]
pattern: matmul
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 150

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int *cnt = malloc(size * sizeof *cnt), *off = malloc(size * sizeof *off);
    for (int r = 0; r < size; r++) { /* in elements: whole rows */
        off[r] = (N * r / size) * N;
        cnt[r] = (N * (r + 1) / size) * N - off[r];
    }
    int rows = cnt[rank] / N;

    double *A = NULL, *C = NULL, *B = malloc(N * N * sizeof *B);
    if (rank == 0) {
        A = malloc(N * N * sizeof *A);
        C = malloc(N * N * sizeof *C);
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++) {
                A[i * N + k] = i + k; /* A(i,k) = i + k */
                B[i * N + k] = i - k; /* B(k,j) = k - j */
            }
    }
    double *a = malloc((rows ? rows : 1) * N * sizeof *a), *c = malloc((rows ? rows : 1) * N * sizeof *c);
    MPI_Scatterv(A, cnt, off, MPI_DOUBLE, a, cnt[rank], MPI_DOUBLE, 0, MPI_COMM_WORLD);
    MPI_Bcast(B, N * N, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    for (int i = 0; i < rows; i++)
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < N; k++) s += a[i * N + k] * B[k * N + j];
            c[i * N + j] = s;
        }
    MPI_Gatherv(c, cnt[rank], MPI_DOUBLE, C, cnt, off, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        /* Closed form: C(i,j) = i*S1 - N*i*j + S2 - j*S1 (exact integers). */
        double S1 = N * (N - 1) / 2.0, S2 = (N - 1.0) * N * (2.0 * N - 1.0) / 6.0;
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                if (C[i * N + j] != i * S1 - (double)N * i * j + S2 - j * S1) ok = 0;
        printf("%dx%d product on %d ranks: %s\n", N, N, size, ok ? "PASS" : "FAIL");
        free(A);
        free(C);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    free(B); free(a); free(c); free(cnt); free(off);
    MPI_Finalize();
    return ok ? 0 : 1;
}
