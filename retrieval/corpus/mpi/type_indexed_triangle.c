/*---
id: mpi-type-indexed-triangle
title: Send the upper triangle of a matrix with MPI_Type_indexed
descriptions:
  - send only the upper triangular part of a matrix
  - MPI_Type_indexed example with different block lengths
  - describe irregular pieces of an array as one MPI datatype
api: mpi
lang: c
constructs: [MPI_Type_indexed, MPI_Type_commit, MPI_Bcast]
pattern: datatype
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 6

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Row i of the upper triangle: N - i elements starting at a[i][i]. */
    int blocklen[N], displ[N];
    for (int i = 0; i < N; i++) {
        blocklen[i] = N - i;
        displ[i] = i * N + i; /* offset in units of the old type (double) */
    }
    MPI_Datatype upper;
    MPI_Type_indexed(N, blocklen, displ, MPI_DOUBLE, &upper);
    MPI_Type_commit(&upper);

    /* Rank 0 fills the whole matrix; others start with -1 everywhere. */
    double a[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) a[i][j] = (rank == 0) ? 10.0 * i + j : -1.0;

    /* Broadcast ONE `upper` element: only the triangle travels, the same type on
       every rank scatters it into the same places. */
    MPI_Bcast(a, 1, upper, 0, MPI_COMM_WORLD);

    int ok = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double expect = (j >= i || rank == 0) ? 10.0 * i + j : -1.0; /* lower part untouched */
            if (a[i][j] != expect) ok = 0;
        }

    MPI_Type_free(&upper);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("upper triangle (%d values) broadcast: %s\n", N * (N + 1) / 2, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
