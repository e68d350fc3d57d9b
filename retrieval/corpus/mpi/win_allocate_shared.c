/*---
id: mpi-win-allocate-shared
title: Share an array between ranks on one node with MPI_Win_allocate_shared
descriptions:
  - MPI shared memory window example
  - let processes on the same node read each other's memory directly
  - MPI_Win_allocate_shared and MPI_Win_shared_query, no copying between ranks on a node
api: mpi
lang: c
constructs: [MPI_Comm_split_type, MPI_Win_allocate_shared, MPI_Win_shared_query, MPI_Win_fence]
pattern: shared-memory
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 100 /* doubles owned by each rank */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);

    /* Shared memory only works among ranks of one node. */
    MPI_Comm node;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank, MPI_INFO_NULL, &node);
    int nrank, nsize;
    MPI_Comm_rank(node, &nrank);
    MPI_Comm_size(node, &nsize);

    /* Each rank contributes N doubles to one node-wide shared segment. */
    double *mine;
    MPI_Win win;
    MPI_Win_allocate_shared(N * sizeof(double), sizeof(double), MPI_INFO_NULL, node, &mine, &win);

    /* Pointer to the start of local rank 0's part; by default the parts are
       contiguous, so the whole segment is all[0 .. N*nsize-1]. */
    MPI_Aint segsize;
    int disp_unit;
    double *all;
    MPI_Win_shared_query(win, 0, &segsize, &disp_unit, &all);

    MPI_Win_fence(0, win); /* open an access epoch */
    for (int i = 0; i < N; i++) mine[i] = nrank * N + i; /* plain stores */
    MPI_Win_fence(0, win); /* all stores are now visible to every rank on the node */

    /* Read the neighbour's part with plain loads: no MPI call per element. */
    int other = (nrank + 1) % nsize;
    double sum = 0.0;
    for (int i = 0; i < N; i++) sum += all[other * N + i];
    double expected = (double)other * N * N + N * (N - 1) / 2.0;
    int ok = sum == expected;
    MPI_Win_fence(0, win); /* nobody frees or overwrites while others still read */

    MPI_Win_free(&win);
    MPI_Comm_free(&node);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("read neighbour's shared memory directly: %s\n", all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
