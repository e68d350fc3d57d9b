/*---
id: mpi-rma-pscw
title: Generalized active target synchronisation with MPI_Win_post/start/complete/wait
descriptions:
  - MPI_Win_post MPI_Win_start MPI_Win_complete MPI_Win_wait example
  - one-sided communication synchronised only between neighbours instead of a global fence
  - PSCW epochs for a ring of processes putting data into the next one
api: mpi
lang: c
constructs: [MPI_Win_allocate, MPI_Win_post, MPI_Win_start, MPI_Win_complete, MPI_Win_wait, MPI_Group_incl, MPI_Put]
pattern: one-sided
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 8

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;

    int *buf;
    MPI_Win win;
    MPI_Win_allocate(N * sizeof(int), sizeof(int), MPI_INFO_NULL, MPI_COMM_WORLD, &buf, &win);
    for (int i = 0; i < N; i++) buf[i] = -1;

    /* Groups: who may access MY window (the left rank), and whose window I access (the right). */
    MPI_Group world, from_left, to_right;
    MPI_Comm_group(MPI_COMM_WORLD, &world);
    MPI_Group_incl(world, 1, &left, &from_left);
    MPI_Group_incl(world, 1, &right, &to_right);

    /* Exposure epoch (target side) and access epoch (origin side). Unlike a fence,
       only the processes named in the groups synchronise with each other. */
    MPI_Win_post(from_left, 0, win);  /* my window is open for the left rank */
    MPI_Win_start(to_right, 0, win);  /* I will access the right rank's window */
    int data[N];
    for (int i = 0; i < N; i++) data[i] = rank * 100 + i;
    MPI_Put(data, N, MPI_INT, right, 0, N, MPI_INT, win);
    MPI_Win_complete(win);            /* my Puts are done (at the origin side) */
    MPI_Win_wait(win);                /* the left rank's Puts into my window are done */

    int ok = 1;
    for (int i = 0; i < N; i++)
        if (buf[i] != left * 100 + i) ok = 0;

    MPI_Group_free(&from_left);
    MPI_Group_free(&to_right);
    MPI_Group_free(&world);
    MPI_Win_free(&win);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("post/start/complete/wait ring: %s\n", all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
