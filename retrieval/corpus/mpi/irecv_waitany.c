/*---
id: mpi-irecv-waitany
title: Process results as soon as they arrive with MPI_Irecv and MPI_Waitany
descriptions:
  - handle whichever message completes first with MPI_Waitany
  - post receives from all workers and process them in completion order
  - rank 0 collects results from everyone but should not wait on a slow rank
api: mpi
lang: c
constructs: [MPI_Irecv, MPI_Waitany, MPI_Send, MPI_UNDEFINED]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 50

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int ok = 1;
    if (rank == 0) {
        int nw = size - 1;
        double (*res)[N] = malloc((nw > 0 ? nw : 1) * sizeof *res);
        MPI_Request *req = malloc((nw > 0 ? nw : 1) * sizeof *req);
        for (int w = 0; w < nw; w++)
            MPI_Irecv(res[w], N, MPI_DOUBLE, w + 1, 0, MPI_COMM_WORLD, &req[w]);

        /* Waitany returns the index of ONE completed request and sets it to
           MPI_REQUEST_NULL; after all are done it returns MPI_UNDEFINED. */
        double total = 0.0;
        for (;;) {
            int idx;
            MPI_Waitany(nw, req, &idx, MPI_STATUS_IGNORE);
            if (idx == MPI_UNDEFINED) break;
            for (int i = 0; i < N; i++) total += res[idx][i]; /* worker idx+1 is done */
        }
        /* Worker w sent w*i for i < N: total = sum_w w * N(N-1)/2. */
        double expected = (double)nw * (nw + 1) / 2 * N * (N - 1) / 2;
        ok = total == expected;
        free(res);
        free(req);
    } else {
        double out[N];
        for (int i = 0; i < N; i++) out[i] = (double)rank * i;
        MPI_Send(out, N, MPI_DOUBLE, 0, 0, MPI_COMM_WORLD);
    }

    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("Waitany over %d workers: %s\n", size - 1, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
