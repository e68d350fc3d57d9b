/*---
id: mpi-matvec-rowblock
title: Parallel matrix-vector product with row blocks and MPI_Allgatherv of the vector
descriptions:
  - matrix vector multiplication with MPI
  - each rank owns some rows of A and a piece of x, compute y = A x
  - distributed matvec, gather the full vector before multiplying
api: mpi
lang: c
constructs: [MPI_Allgatherv, MPI_Allgather]
pattern: linear-algebra
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 37 /* matrix order */

static double a_ij(int i, int j) { return 1.0 / (i + j + 1); } /* Hilbert matrix */
static double x_j(int j) { return j % 5 - 2.0; }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Rows (and the matching entries of x and y) are block-distributed. */
    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int r = 0, off = 0; r < size; r++) {
        counts[r] = N / size + (r < N % size);
        displs[r] = off;
        off += counts[r];
    }
    int nloc = counts[rank], first = displs[rank];

    double *A = malloc((size_t)nloc * N * sizeof *A); /* my rows, row-major */
    double *xloc = malloc(nloc * sizeof *xloc), *y = malloc(nloc * sizeof *y);
    for (int i = 0; i < nloc; i++) {
        for (int j = 0; j < N; j++) A[i * N + j] = a_ij(first + i, j);
        xloc[i] = x_j(first + i);
    }

    /* Every row needs ALL of x: assemble it from the pieces. */
    double x[N];
    MPI_Allgatherv(xloc, nloc, MPI_DOUBLE, x, counts, displs, MPI_DOUBLE, MPI_COMM_WORLD);

    for (int i = 0; i < nloc; i++) {
        double s = 0.0;
        for (int j = 0; j < N; j++) s += A[i * N + j] * x[j];
        y[i] = s; /* y stays distributed like x */
    }

    int ok = 1;
    for (int i = 0; i < nloc; i++) {
        double ref = 0.0;
        for (int j = 0; j < N; j++) ref += a_ij(first + i, j) * x_j(j);
        if (fabs(y[i] - ref) > 1e-12 * (1.0 + fabs(ref))) ok = 0;
    }
    free(counts); free(displs); free(A); free(xloc); free(y);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("y = A x for a %dx%d matrix on %d ranks: %s\n", N, N, size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
