/*---
id: mpi-sendrecv-replace-rotate
title: Rotate blocks around a ring with MPI_Sendrecv_replace so every rank sees all data
descriptions:
  - MPI_Sendrecv_replace example
  - pass a buffer around all processes reusing the same memory
  - every rank needs to visit every other rank's block, like an n-body ring
api: mpi
lang: c
constructs: [MPI_Sendrecv_replace, MPI_Allreduce]
pattern: ring
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define B 4 /* elements per rank */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    double mine[B], travelling[B];
    for (int i = 0; i < B; i++) mine[i] = travelling[i] = rank * B + i + 1.0;

    /* size steps: interact with the block we hold, then pass it to the right and
       receive a new one from the left, in the SAME buffer. */
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;
    double interaction = 0.0; /* sum over all pairs (mine[i], any block value) of mine[i]*value */
    for (int step = 0; step < size; step++) {
        for (int i = 0; i < B; i++)
            for (int j = 0; j < B; j++) interaction += mine[i] * travelling[j];
        MPI_Sendrecv_replace(travelling, B, MPI_DOUBLE, right, 0, left, 0,
                             MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }

    /* Check: interaction = (sum of my values) * (sum of all values 1..B*size). */
    double my_sum = 0.0;
    for (int i = 0; i < B; i++) my_sum += mine[i];
    double m = (double)B * size;
    double expected = my_sum * m * (m + 1) / 2;
    int ok = (interaction - expected) <= 1e-12 * expected && (expected - interaction) <= 1e-12 * expected;
    /* After size rotations the travelling block is our own again. */
    for (int i = 0; i < B; i++)
        if (travelling[i] != mine[i]) ok = 0;

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("ring rotation over %d ranks: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
