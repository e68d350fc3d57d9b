/*---
id: hyb-matmul
title: Hybrid matrix multiplication - rows scattered over ranks, threads over local rows
descriptions:
  - multiply two matrices with MPI and OpenMP
  - scatter rows of A, broadcast B, compute with threads and gather C
  - MPI_Scatterv and MPI_Gatherv with uneven row counts for a matrix product
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, MPI_Scatterv, MPI_Bcast, MPI_Gatherv, parallel for]
pattern: map
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 150 /* square N x N matrices */

int main(int argc, char **argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    if (provided < MPI_THREAD_FUNNELED) {
        fprintf(stderr, "MPI_THREAD_FUNNELED not supported\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Row counts and offsets (in elements) for every rank. */
    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int r = 0; r < size; r++) {
        int r0 = N * r / size, r1 = N * (r + 1) / size;
        counts[r] = (r1 - r0) * N;
        displs[r] = r0 * N;
    }
    int rows = counts[rank] / N;

    double *A = NULL, *C = NULL, *B = malloc(N * N * sizeof *B);
    if (rank == 0) {
        A = malloc(N * N * sizeof *A);
        C = malloc(N * N * sizeof *C);
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                A[i * N + j] = (double)((i + j) % 7) - 3.0;
                B[i * N + j] = (double)((i * j) % 5) * 0.5;
            }
    }
    double *a = malloc((rows ? rows : 1) * N * sizeof *a), *c = malloc((rows ? rows : 1) * N * sizeof *c);
    MPI_Scatterv(A, counts, displs, MPI_DOUBLE, a, counts[rank], MPI_DOUBLE, 0, MPI_COMM_WORLD);
    MPI_Bcast(B, N * N, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    /* Threads split my rows; i-k-j order walks B and c row by row. */
#pragma omp parallel for
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < N; j++) c[i * N + j] = 0.0;
        for (int k = 0; k < N; k++) {
            double aik = a[i * N + k];
            for (int j = 0; j < N; j++) c[i * N + j] += aik * B[k * N + j];
        }
    }
    MPI_Gatherv(c, counts[rank], MPI_DOUBLE, C, counts, displs, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) { /* serial triple loop as the reference */
        for (int i = 0; i < N && ok; i++)
            for (int j = 0; j < N; j++) {
                double s = 0.0;
                for (int k = 0; k < N; k++) s += A[i * N + k] * B[k * N + j];
                if (fabs(s - C[i * N + j]) > 1e-9 * (1.0 + fabs(s))) { ok = 0; break; }
            }
        printf("C = A*B (%dx%d) on %d ranks: %s\n", N, N, size, ok ? "PASS" : "FAIL");
        free(A);
        free(C);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    free(B); free(a); free(c); free(counts); free(displs);
    MPI_Finalize();
    return ok ? 0 : 1;
}
