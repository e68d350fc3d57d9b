/*---
id: mpi-alltoall-exchange
title: Personalised all-to-all exchange with MPI_Alltoall
descriptions:
  - every process sends a different piece of data to every other process
  - MPI_Alltoall example
  - transpose data between ranks, each rank has something for everyone
api: mpi
lang: c
constructs: [MPI_Alltoall]
pattern: collective
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define B 3 /* elements sent from each rank to each rank */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* sendbuf is divided into size blocks of B: block j goes to rank j.
       Here the value encodes (from, to, k) so we can check where it ended up. */
    int *sendbuf = malloc(size * B * sizeof *sendbuf);
    int *recvbuf = malloc(size * B * sizeof *recvbuf);
    for (int j = 0; j < size; j++)
        for (int k = 0; k < B; k++) sendbuf[j * B + k] = 10000 * rank + 100 * j + k;

    /* After the call, block i of recvbuf holds what rank i put in ITS block for us. */
    MPI_Alltoall(sendbuf, B, MPI_INT, recvbuf, B, MPI_INT, MPI_COMM_WORLD);

    int ok = 1;
    for (int i = 0; i < size; i++)
        for (int k = 0; k < B; k++)
            if (recvbuf[i * B + k] != 10000 * i + 100 * rank + k) ok = 0;
    free(sendbuf);
    free(recvbuf);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Alltoall of %d blocks: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
