/*---
id: mpi-ping-pong-bandwidth
title: Ping-pong bandwidth benchmark over a range of message sizes
descriptions:
  - measure MPI bandwidth for different message sizes
  - how many MB/s can two ranks exchange, ping pong with MPI_Wtime
  - benchmark point-to-point throughput between two processes
api: mpi
lang: c
constructs: [MPI_Send, MPI_Recv, MPI_Wtime, MPI_Bcast]
pattern: ping-pong
threads: [1]
ranks: [2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXBYTES (1 << 20)
#define REPS 20

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 2) {
        if (rank == 0) printf("FAIL: needs 2 or more ranks\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }

    char *buf = malloc(MAXBYTES);
    int ok = 1;
    for (int bytes = 1024; bytes <= MAXBYTES; bytes *= 16) {
        for (int i = 0; i < bytes; i++) buf[i] = (char)(i % 101);
        double t0 = MPI_Wtime();
        for (int r = 0; r < REPS; r++) {
            if (rank == 0) {
                MPI_Send(buf, bytes, MPI_BYTE, 1, 0, MPI_COMM_WORLD);
                MPI_Recv(buf, bytes, MPI_BYTE, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            } else if (rank == 1) {
                MPI_Recv(buf, bytes, MPI_BYTE, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                MPI_Send(buf, bytes, MPI_BYTE, 0, 0, MPI_COMM_WORLD);
            }
        }
        double t = MPI_Wtime() - t0;
        if (rank == 0) {
            /* 2 * REPS messages of `bytes` each moved in time t. */
            double mbps = 2.0 * REPS * bytes / t / 1e6;
            printf("%8d bytes: %9.1f MB/s\n", bytes, mbps);
            for (int i = 0; i < bytes; i++)
                if (buf[i] != (char)(i % 101)) ok = 0; /* data survived the trip */
        }
    }
    free(buf);

    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("bandwidth test: %s\n", ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
