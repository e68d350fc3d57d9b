/*---
id: mpi-rsend-ready
title: Ready-mode send (MPI_Rsend) made safe by pre-posting receives and a barrier
descriptions:
  - MPI_Rsend example, when is a ready send legal
  - make sure the receive is posted before sending with ready mode
  - pre-post MPI_Irecv then barrier then send
api: mpi
lang: c
constructs: [MPI_Rsend, MPI_Irecv, MPI_Barrier, MPI_Wait]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 16

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int buf[N];
    MPI_Request req = MPI_REQUEST_NULL;

    /* MPI_Rsend is only correct if the matching receive is ALREADY posted.
       Step 1: every receiver posts a non-blocking receive. */
    if (rank != 0) MPI_Irecv(buf, N, MPI_INT, 0, 7, MPI_COMM_WORLD, &req);

    /* Step 2: a barrier. When rank 0 leaves it, every rank has entered it,
       so every Irecv above has been posted. */
    MPI_Barrier(MPI_COMM_WORLD);

    /* Step 3: now the ready sends are safe. */
    if (rank == 0) {
        for (int dest = 1; dest < size; dest++) {
            int msg[N];
            for (int i = 0; i < N; i++) msg[i] = dest + i;
            MPI_Rsend(msg, N, MPI_INT, dest, 7, MPI_COMM_WORLD);
        }
    }
    MPI_Wait(&req, MPI_STATUS_IGNORE); /* no-op on rank 0 (MPI_REQUEST_NULL) */

    int ok = 1;
    if (rank != 0)
        for (int i = 0; i < N; i++)
            if (buf[i] != rank + i) ok = 0;
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Rsend to %d receivers: %s\n", size - 1, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
