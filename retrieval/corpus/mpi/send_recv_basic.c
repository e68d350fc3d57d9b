/*---
id: mpi-send-recv-basic
title: Send an array from rank 0 to every other rank with MPI_Send / MPI_Recv
descriptions:
  - send an array from one process to another with MPI
  - basic MPI_Send and MPI_Recv example
  - how does rank 0 give data to the other ranks and get an answer back
api: mpi
lang: c
constructs: [MPI_Send, MPI_Recv, MPI_Comm_rank, MPI_Comm_size, MPI_Allreduce]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 8
#define TAG_DATA 1
#define TAG_REPLY 2

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int ok = 1;
    if (rank == 0) {
        /* Rank 0 sends a different array to each worker ... */
        for (int dest = 1; dest < size; dest++) {
            int data[N];
            for (int i = 0; i < N; i++) data[i] = dest * 100 + i;
            MPI_Send(data, N, MPI_INT, dest, TAG_DATA, MPI_COMM_WORLD);
        }
        /* ... and receives each worker's sum back, in rank order. */
        for (int src = 1; src < size; src++) {
            long sum;
            MPI_Recv(&sum, 1, MPI_LONG, src, TAG_REPLY, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            long expected = (long)src * 100 * N + (long)N * (N - 1) / 2;
            if (sum != expected) ok = 0;
        }
    } else {
        /* Workers receive exactly N ints from rank 0 (count, type and tag must match). */
        int data[N];
        MPI_Recv(data, N, MPI_INT, 0, TAG_DATA, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        long sum = 0;
        for (int i = 0; i < N; i++) sum += data[i];
        if (data[0] != rank * 100) ok = 0;
        MPI_Send(&sum, 1, MPI_LONG, 0, TAG_REPLY, MPI_COMM_WORLD);
    }

    /* Every rank must agree that the exchange worked. */
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("send/recv with %d ranks: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
