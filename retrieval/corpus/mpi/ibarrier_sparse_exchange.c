/*---
id: mpi-ibarrier-sparse-exchange
title: Sparse data exchange when receivers do not know their senders (Issend + Ibarrier)
descriptions:
  - each rank sends to a few ranks but the receivers do not know who will send
  - dynamic sparse data exchange with MPI_Ibarrier (NBX algorithm)
  - MPI_Ibarrier and MPI_Issend example for irregular communication
api: mpi
lang: c
constructs: [MPI_Issend, MPI_Ibarrier, MPI_Iprobe, MPI_Test, MPI_Testall]
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

    /* Rank r sends one message to each rank d with (r + d) % 3 == 0. */
    int *dests = malloc(size * sizeof *dests), ndest = 0;
    for (int d = 0; d < size; d++)
        if ((rank + d) % 3 == 0) dests[ndest++] = d;
    MPI_Request *sreq = malloc((ndest > 0 ? ndest : 1) * sizeof *sreq);
    int payload = 1000 + rank;
    /* Synchronous sends complete only when received: that is what lets us know
       our messages have all arrived. */
    for (int k = 0; k < ndest; k++)
        MPI_Issend(&payload, 1, MPI_INT, dests[k], 5, MPI_COMM_WORLD, &sreq[k]);

    /* NBX loop: receive whatever arrives; once our own sends are done, enter a
       non-blocking barrier; when the barrier completes, everyone's sends are done. */
    int nreceived = 0, ok = 1, barrier_active = 0, finished = 0;
    MPI_Request barrier;
    while (!finished) {
        int flag;
        MPI_Status st;
        MPI_Iprobe(MPI_ANY_SOURCE, 5, MPI_COMM_WORLD, &flag, &st);
        if (flag) {
            int v;
            MPI_Recv(&v, 1, MPI_INT, st.MPI_SOURCE, 5, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (v != 1000 + st.MPI_SOURCE || (st.MPI_SOURCE + rank) % 3 != 0) ok = 0;
            nreceived++;
        }
        if (!barrier_active) {
            int sent;
            MPI_Testall(ndest, sreq, &sent, MPI_STATUSES_IGNORE);
            if (sent) {
                MPI_Ibarrier(MPI_COMM_WORLD, &barrier);
                barrier_active = 1;
            }
        } else {
            MPI_Test(&barrier, &finished, MPI_STATUS_IGNORE);
        }
    }

    /* Check: I received from every r with (r + rank) % 3 == 0. */
    int expected = 0;
    for (int r = 0; r < size; r++)
        if ((r + rank) % 3 == 0) expected++;
    if (nreceived != expected) ok = 0;
    free(dests);
    free(sreq);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("sparse exchange, rank 0 got %d messages: %s\n", nreceived, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
