/*---
id: mpi-ssend-pairs
title: Pairwise exchange with MPI_Ssend ordered by even/odd rank to avoid deadlock
descriptions:
  - MPI_Ssend synchronous send example
  - two processes swap data and my program hangs, how do I order the sends
  - exchange arrays between pairs of ranks without deadlock
api: mpi
lang: c
constructs: [MPI_Ssend, MPI_Recv]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 1000

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Pair ranks 0-1, 2-3, ...; with an odd count the last rank has no partner. */
    int partner = rank ^ 1;
    int mine[N], theirs[N];
    for (int i = 0; i < N; i++) mine[i] = rank * N + i;

    int ok = 1;
    if (partner < size) {
        /* MPI_Ssend only returns once the matching receive has started, so if both
           partners called Ssend first they would wait for each other forever.
           Even ranks send first, odd ranks receive first: the calls always match. */
        if (rank % 2 == 0) {
            MPI_Ssend(mine, N, MPI_INT, partner, 0, MPI_COMM_WORLD);
            MPI_Recv(theirs, N, MPI_INT, partner, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else {
            MPI_Recv(theirs, N, MPI_INT, partner, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Ssend(mine, N, MPI_INT, partner, 0, MPI_COMM_WORLD);
        }
        for (int i = 0; i < N; i++)
            if (theirs[i] != partner * N + i) ok = 0;
    }

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Ssend pair exchange on %d ranks: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
