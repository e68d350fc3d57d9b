/*---
id: mpi-test-overlap
title: Overlap computation with communication by polling MPI_Test
descriptions:
  - do useful work while a message is in flight
  - MPI_Test example to check if a non-blocking receive has finished
  - overlap communication and computation in MPI
api: mpi
lang: c
constructs: [MPI_Irecv, MPI_Isend, MPI_Test, MPI_Wait]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 20000
#define CHUNK 1000

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;

    static double out[N], in[N], work[N];
    for (int i = 0; i < N; i++) {
        out[i] = rank + 1.0;
        work[i] = i;
    }

    MPI_Request rreq, sreq;
    MPI_Irecv(in, N, MPI_DOUBLE, left, 0, MPI_COMM_WORLD, &rreq);
    MPI_Isend(out, N, MPI_DOUBLE, right, 0, MPI_COMM_WORLD, &sreq);

    /* Compute in chunks; between chunks, MPI_Test checks (and drives progress of)
       the receive without blocking. Stop polling once it has arrived. */
    double local = 0.0;
    int arrived = 0, polls = 0;
    for (int start = 0; start < N; start += CHUNK) {
        for (int i = start; i < start + CHUNK && i < N; i++) local += work[i] * 0.5;
        if (!arrived) {
            MPI_Test(&rreq, &arrived, MPI_STATUS_IGNORE);
            polls++;
        }
    }
    /* The data may still be in flight after the work is done: wait for it now.
       (MPI_Wait on a completed request returns at once.) */
    if (!arrived) MPI_Wait(&rreq, MPI_STATUS_IGNORE);
    MPI_Wait(&sreq, MPI_STATUS_IGNORE);

    double recv_sum = 0.0;
    for (int i = 0; i < N; i++) recv_sum += in[i];
    int ok = recv_sum == (double)N * (left + 1) && local == 0.5 * (double)N * (N - 1) / 2;

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("overlapped work with %d MPI_Test polls: %s\n", polls, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
