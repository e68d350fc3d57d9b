/*---
id: hyb-matvec-allgather
title: Hybrid repeated matrix-vector product with MPI_Allgatherv of the vector
descriptions:
  - matrix vector multiply where rows are spread over processes and threads
  - every process needs the whole vector before the next multiplication
  - MPI_Allgatherv example with uneven block sizes in an iterative method
api: hybrid
lang: c
constructs: [MPI_Init_thread, MPI_THREAD_FUNNELED, MPI_Allgatherv, MPI_Allreduce, parallel for, reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 501
#define ITERS 5

static double entry(int i, int j) { return 1.0 / (1.0 + abs(i - j)); } /* A(i,j) */

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
    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int r = 0; r < size; r++) {
        displs[r] = N * r / size;
        counts[r] = N * (r + 1) / size - displs[r];
    }
    int lo = displs[rank], rows = counts[rank];

    /* My rows of A, the full vector x, and my piece of y. */
    double *A = malloc((size_t)(rows ? rows : 1) * N * sizeof *A);
    double *x = malloc(N * sizeof *x), *y = malloc((rows ? rows : 1) * sizeof *y);
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < N; j++) A[(size_t)i * N + j] = entry(lo + i, j);
    for (int j = 0; j < N; j++) x[j] = 1.0;

    for (int it = 0; it < ITERS; it++) {
        /* y = A x for my rows, threads splitting the rows. */
        double sq = 0.0;
#pragma omp parallel for reduction(+ : sq)
        for (int i = 0; i < rows; i++) {
            double s = 0.0;
            for (int j = 0; j < N; j++) s += A[(size_t)i * N + j] * x[j];
            y[i] = s;
            sq += s * s;
        }
        /* Normalise with the global 2-norm, then rebuild the full x everywhere. */
        MPI_Allreduce(MPI_IN_PLACE, &sq, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        double inv = 1.0 / sqrt(sq);
        for (int i = 0; i < rows; i++) y[i] *= inv;
        MPI_Allgatherv(y, rows, MPI_DOUBLE, x, counts, displs, MPI_DOUBLE, MPI_COMM_WORLD);
    }

    /* Serial reference: the same normalised power iterations. */
    double *xr = malloc(N * sizeof *xr), *yr = malloc(N * sizeof *yr);
    for (int j = 0; j < N; j++) xr[j] = 1.0;
    for (int it = 0; it < ITERS; it++) {
        double sq = 0.0;
        for (int i = 0; i < N; i++) {
            yr[i] = 0.0;
            for (int j = 0; j < N; j++) yr[i] += entry(i, j) * xr[j];
            sq += yr[i] * yr[i];
        }
        for (int i = 0; i < N; i++) xr[i] = yr[i] / sqrt(sq);
    }
    int ok = 1;
    for (int j = 0; j < N; j++)
        if (fabs(x[j] - xr[j]) > 1e-12) ok = 0;
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("x[0] = %.10f after %d products: %s\n", x[0], ITERS, ok ? "PASS" : "FAIL");
    free(A); free(x); free(y); free(xr); free(yr); free(counts); free(displs);
    MPI_Finalize();
    return ok ? 0 : 1;
}
