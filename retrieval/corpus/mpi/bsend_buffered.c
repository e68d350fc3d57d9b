/*---
id: mpi-bsend-buffered
title: Buffered send with MPI_Bsend and an attached buffer
descriptions:
  - MPI_Bsend example with MPI_Buffer_attach
  - how big must the buffer be for buffered sends
  - send to the next rank without blocking by giving MPI my own buffer
api: mpi
lang: c
constructs: [MPI_Bsend, MPI_Buffer_attach, MPI_Buffer_detach, MPI_Pack_size, MPI_BSEND_OVERHEAD]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 500

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* The buffer must hold the packed message plus MPI_BSEND_OVERHEAD bytes for
       every message that can be pending at the same time (here: one). */
    int packed;
    MPI_Pack_size(N, MPI_DOUBLE, MPI_COMM_WORLD, &packed);
    int bufsize = packed + MPI_BSEND_OVERHEAD;
    void *buffer = malloc(bufsize);
    MPI_Buffer_attach(buffer, bufsize);

    double out[N], in[N];
    for (int i = 0; i < N; i++) out[i] = rank + i * 0.5;
    int right = (rank + 1) % size;
    int left = (rank - 1 + size) % size;

    /* Every rank sends first, then receives. With MPI_Ssend this would deadlock;
       MPI_Bsend copies the message into the attached buffer and returns at once.
       (With 1 rank the message simply goes to ourselves.) */
    MPI_Bsend(out, N, MPI_DOUBLE, right, 0, MPI_COMM_WORLD);
    MPI_Recv(in, N, MPI_DOUBLE, left, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);

    /* Detach waits until all buffered messages have been delivered. */
    void *addr;
    int detached_size;
    MPI_Buffer_detach(&addr, &detached_size);
    free(addr);

    int ok = 1;
    for (int i = 0; i < N; i++)
        if (in[i] != left + i * 0.5) ok = 0;
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Bsend ring with %d-byte buffer: %s\n", bufsize, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
