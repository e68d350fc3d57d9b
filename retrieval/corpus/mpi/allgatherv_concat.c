/*---
id: mpi-allgatherv-concat
title: Assemble a distributed vector on every rank with MPI_Allgatherv
descriptions:
  - every process needs the whole vector but each owns a different-sized piece
  - MPI_Allgatherv example with uneven block sizes
  - concatenate local arrays from all ranks and give the result to all
api: mpi
lang: c
constructs: [MPI_Allgatherv, MPI_Allgather]
pattern: collective
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 19

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Uneven block distribution of a length-N vector x[g] = g * g. */
    int nloc = N / size + (rank < N % size);
    int first = rank * (N / size) + (rank < N % size ? rank : N % size);
    double *x = malloc(nloc * sizeof *x);
    for (int i = 0; i < nloc; i++) x[i] = (double)(first + i) * (first + i);

    /* Everyone learns all block sizes, then builds the displacements. */
    int *counts = malloc(size * sizeof *counts);
    int *displs = malloc(size * sizeof *displs);
    MPI_Allgather(&nloc, 1, MPI_INT, counts, 1, MPI_INT, MPI_COMM_WORLD);
    for (int r = 0, off = 0; r < size; r++) {
        displs[r] = off;
        off += counts[r];
    }

    /* The full vector, identical on every rank. */
    double full[N];
    MPI_Allgatherv(x, nloc, MPI_DOUBLE, full, counts, displs, MPI_DOUBLE, MPI_COMM_WORLD);

    int ok = 1;
    for (int g = 0; g < N; g++)
        if (full[g] != (double)g * g) ok = 0;
    free(x); free(counts); free(displs);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Allgatherv rebuilt %d elements everywhere: %s\n", N, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
