/*---
id: mpi-rma-put-fence
title: One-sided communication with MPI_Win_create, MPI_Put and MPI_Win_fence
descriptions:
  - write directly into another process's memory with MPI
  - MPI_Put example with fence synchronisation
  - one-sided RMA, expose an array in a window and put data into the neighbour
api: mpi
lang: c
constructs: [MPI_Win_create, MPI_Put, MPI_Win_fence, MPI_Win_free]
pattern: one-sided
threads: [1]
ranks: [2, 4]   # Open MPI 4.1 MPI_Win_create fails on 1 process (ompi issue 10726)
---*/
#include <mpi.h>
#include <stdio.h>

#define N 4

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Expose an existing array: other ranks may access it through the window.
       disp_unit = sizeof(int) means target displacements count ints.
       (Correct on any number of ranks, but Open MPI 4.1's MPI_Win_create fails on
       a single process; MPI_Win_allocate does not have that problem.) */
    int inbox[2 * N];
    for (int i = 0; i < 2 * N; i++) inbox[i] = -1;
    MPI_Win win;
    MPI_Win_create(inbox, sizeof inbox, sizeof(int), MPI_INFO_NULL, MPI_COMM_WORLD, &win);

    int to_right[N], to_left[N];
    for (int i = 0; i < N; i++) {
        to_right[i] = 100 * rank + i;
        to_left[i] = -100 * rank - i;
    }
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;

    /* Fences delimit an epoch: the Puts between them are complete, at origin and
       target, when the second fence returns. The target does not call anything. */
    MPI_Win_fence(0, win);
    MPI_Put(to_right, N, MPI_INT, right, 0, N, MPI_INT, win); /* right's inbox[0..N-1] */
    MPI_Put(to_left, N, MPI_INT, left, N, N, MPI_INT, win);   /* left's inbox[N..2N-1] */
    MPI_Win_fence(0, win);

    /* inbox[0..N-1] came from my left neighbour, inbox[N..] from my right one. */
    int ok = 1;
    for (int i = 0; i < N; i++)
        if (inbox[i] != 100 * left + i || inbox[N + i] != -100 * right - i) ok = 0;

    MPI_Win_free(&win);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("MPI_Put into both neighbours: %s\n", all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
