/*---
id: mpi-ring-token
title: Pass a token around a ring of processes
descriptions:
  - send data to the next rank in a circle
  - token ring example in MPI, each process adds its rank and passes it on
  - how do I make rank 0 start a message that goes through all processes and back
api: mpi
lang: c
constructs: [MPI_Send, MPI_Recv, MPI_Bcast]
pattern: ring
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define LAPS 3

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int next = (rank + 1) % size, prev = (rank - 1 + size) % size;

    long token = 0;
    for (int lap = 0; lap < LAPS; lap++) {
        if (rank == 0) {
            /* Rank 0 starts each lap, then waits for the token to come back.
               (With a single rank there is no ring: it just counts the lap.) */
            token += 1;
            if (size > 1) {
                MPI_Send(&token, 1, MPI_LONG, next, lap, MPI_COMM_WORLD);
                MPI_Recv(&token, 1, MPI_LONG, prev, lap, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            }
        } else {
            /* Everyone else receives from the previous rank first, then forwards:
               that order is what makes the ring deadlock-free. */
            MPI_Recv(&token, 1, MPI_LONG, prev, lap, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            token += rank;
            MPI_Send(&token, 1, MPI_LONG, next, lap, MPI_COMM_WORLD);
        }
    }

    /* Each lap adds 1 (rank 0) + 1 + 2 + ... + (size-1). */
    long expected = LAPS * (1 + (long)size * (size - 1) / 2);
    int ok = (rank != 0) || token == expected;
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("token after %d laps = %ld (expected %ld): %s\n", LAPS, token, expected, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
