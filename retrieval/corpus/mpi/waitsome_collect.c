/*---
id: mpi-waitsome-collect
title: Complete several non-blocking receives at a time with MPI_Waitsome
descriptions:
  - MPI_Waitsome example
  - wait until at least one of many requests is done and get all finished ones
  - gather messages from every rank as they complete with non-blocking receives
api: mpi
lang: c
constructs: [MPI_Irecv, MPI_Isend, MPI_Waitsome, MPI_Waitall]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Every rank sends one value to every rank (itself included) ... */
    long mine = 1000L * rank + 7;
    long *got = malloc(size * sizeof *got);
    MPI_Request *rreq = malloc(size * sizeof *rreq);
    MPI_Request *sreq = malloc(size * sizeof *sreq);
    for (int r = 0; r < size; r++) MPI_Irecv(&got[r], 1, MPI_LONG, r, 0, MPI_COMM_WORLD, &rreq[r]);
    for (int r = 0; r < size; r++) MPI_Isend(&mine, 1, MPI_LONG, r, 0, MPI_COMM_WORLD, &sreq[r]);

    /* ... and handles the receives in batches: Waitsome returns how many completed
       and their indices; finished requests become MPI_REQUEST_NULL. */
    int *idx = malloc(size * sizeof *idx);
    int remaining = size, ok = 1;
    long total = 0;
    while (remaining > 0) {
        int outcount;
        MPI_Waitsome(size, rreq, &outcount, idx, MPI_STATUSES_IGNORE);
        for (int k = 0; k < outcount; k++) {
            int src = idx[k];
            if (got[src] != 1000L * src + 7) ok = 0;
            total += got[src];
        }
        remaining -= outcount;
    }
    MPI_Waitall(size, sreq, MPI_STATUSES_IGNORE);

    long expected = 1000L * size * (size - 1) / 2 + 7L * size;
    if (total != expected) ok = 0;
    free(got); free(rreq); free(sreq); free(idx);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Waitsome collected %d messages per rank: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
