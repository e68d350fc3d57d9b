/*---
id: mpi-rma-get-allocate
title: Read remote data with MPI_Get from a window made by MPI_Win_allocate
descriptions:
  - read another process's array without it having to send anything
  - MPI_Get example with MPI_Win_allocate
  - let MPI allocate window memory and fetch remote values with fences
api: mpi
lang: c
constructs: [MPI_Win_allocate, MPI_Get, MPI_Win_fence, MPI_Win_free]
pattern: one-sided
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 64

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* MPI allocates the window memory (can be faster than Win_create, e.g.
       shared memory on a node). `table` points to my local part. */
    double *table;
    MPI_Win win;
    MPI_Win_allocate(N * sizeof(double), sizeof(double), MPI_INFO_NULL, MPI_COMM_WORLD, &table, &win);
    for (int i = 0; i < N; i++) table[i] = rank * 1000.0 + i;

    /* First fence: everyone has initialised its table before anyone reads. */
    MPI_Win_fence(0, win);

    /* Fetch the last quarter of the last rank's table (displacements count doubles). */
    int target = size - 1;
    double got[N / 4];
    MPI_Get(got, N / 4, MPI_DOUBLE, target, 3 * N / 4, N / 4, MPI_DOUBLE, win);

    /* Second fence: the Get has completed; `got` may be read only now. */
    MPI_Win_fence(0, win);

    int ok = 1;
    for (int i = 0; i < N / 4; i++)
        if (got[i] != target * 1000.0 + 3 * N / 4 + i) ok = 0;

    MPI_Win_free(&win); /* also frees the memory from MPI_Win_allocate */
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("MPI_Get of %d values from rank %d: %s\n", N / 4, target, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
