/*---
id: mpi-hello-world
title: Minimal MPI program with MPI_Init, MPI_Comm_rank, MPI_Comm_size and MPI_Finalize
descriptions:
  - hello world in MPI
  - how do I get the process number and the number of processes
  - skeleton of an MPI program in C
api: mpi
lang: c
constructs: [MPI_Init, MPI_Comm_rank, MPI_Comm_size, MPI_Finalize, MPI_Reduce]
pattern: basics
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    /* Every MPI program starts with MPI_Init (before any other MPI call) ... */
    MPI_Init(&argc, &argv);

    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank); /* my id: 0 .. size-1 */
    MPI_Comm_size(MPI_COMM_WORLD, &size); /* how many processes were started */

    /* All ranks run this same program; they differ only by their rank.
       Output from different ranks may interleave in any order. */
    printf("hello from rank %d of %d\n", rank, size);

    /* Check that everyone is there: the ranks must sum to 0 + 1 + ... + size-1. */
    int sum = 0;
    MPI_Reduce(&rank, &sum, 1, MPI_INT, MPI_SUM, 0, MPI_COMM_WORLD);
    int ok = 1;
    if (rank == 0) {
        ok = sum == size * (size - 1) / 2;
        printf("all %d ranks reported: %s\n", size, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);

    /* ... and ends with MPI_Finalize (no MPI calls afterwards). */
    MPI_Finalize();
    return ok ? 0 : 1;
}
