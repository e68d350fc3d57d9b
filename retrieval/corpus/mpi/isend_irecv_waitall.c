/*---
id: mpi-isend-irecv-waitall
title: Exchange with both neighbours using MPI_Isend / MPI_Irecv and MPI_Waitall
descriptions:
  - non-blocking send and receive example with MPI_Waitall
  - send to left and right neighbours at the same time without deadlock
  - MPI_Isend MPI_Irecv how to wait for all requests
api: mpi
lang: c
constructs: [MPI_Isend, MPI_Irecv, MPI_Waitall, MPI_Request]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 100

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int left = (rank - 1 + size) % size, right = (rank + 1) % size;

    double send_l[N], send_r[N], from_l[N], from_r[N];
    for (int i = 0; i < N; i++) {
        send_l[i] = -rank - i; /* goes to the left neighbour */
        send_r[i] = rank + i;  /* goes to the right neighbour */
    }

    /* Post the receives first, then the sends. None of these calls block, so the
       order of neighbours does not matter and nothing can deadlock.
       Tags tell the two directions apart (important with 1 or 2 ranks, where
       left and right are the same process). */
    MPI_Request req[4];
    MPI_Irecv(from_l, N, MPI_DOUBLE, left, 0, MPI_COMM_WORLD, &req[0]);  /* left's "send_r" */
    MPI_Irecv(from_r, N, MPI_DOUBLE, right, 1, MPI_COMM_WORLD, &req[1]); /* right's "send_l" */
    MPI_Isend(send_r, N, MPI_DOUBLE, right, 0, MPI_COMM_WORLD, &req[2]);
    MPI_Isend(send_l, N, MPI_DOUBLE, left, 1, MPI_COMM_WORLD, &req[3]);

    /* Buffers must not be read (receive) or modified (send) before completion. */
    MPI_Waitall(4, req, MPI_STATUSES_IGNORE);

    int ok = 1;
    for (int i = 0; i < N; i++)
        if (from_l[i] != left + i || from_r[i] != -right - i) ok = 0;

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("neighbour exchange on %d ranks: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
