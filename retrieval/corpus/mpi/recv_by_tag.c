/*---
id: mpi-recv-by-tag
title: Use message tags to receive messages in a different order than they were sent
descriptions:
  - what are MPI tags for
  - distinguish two kinds of messages from the same sender
  - receive the header after the data by selecting on the tag
api: mpi
lang: c
constructs: [MPI_Isend, MPI_Waitall, MPI_Recv, tags]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define TAG_COUNT 1
#define TAG_VALUES 2
#define MAXN 32

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int ok = 1;
    if (rank == 0) {
        /* Send two messages to every worker: first the count, then the values.
           Non-blocking sends, so rank 0 never depends on the receive order. */
        MPI_Request *reqs = malloc(2 * size * sizeof *reqs);
        int *counts = malloc(size * sizeof *counts);
        int (*values)[MAXN] = malloc(size * sizeof *values);
        int nreq = 0;
        for (int dest = 1; dest < size; dest++) {
            counts[dest] = 4 + dest;
            for (int i = 0; i < counts[dest]; i++) values[dest][i] = dest * i;
            MPI_Isend(&counts[dest], 1, MPI_INT, dest, TAG_COUNT, MPI_COMM_WORLD, &reqs[nreq++]);
            MPI_Isend(values[dest], counts[dest], MPI_INT, dest, TAG_VALUES, MPI_COMM_WORLD, &reqs[nreq++]);
        }
        /* Send buffers must stay untouched until the sends complete. */
        MPI_Waitall(nreq, reqs, MPI_STATUSES_IGNORE);
        free(reqs);
        free(counts);
        free(values);
    } else {
        /* Receive the VALUES message first (selected by its tag) into a buffer large
           enough for any count, then the COUNT message. Messages with different tags
           do not have to be received in the order they were sent. */
        int values[MAXN], count;
        MPI_Status st;
        MPI_Recv(values, MAXN, MPI_INT, 0, TAG_VALUES, MPI_COMM_WORLD, &st);
        MPI_Recv(&count, 1, MPI_INT, 0, TAG_COUNT, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        int received;
        MPI_Get_count(&st, MPI_INT, &received);
        if (count != 4 + rank || received != count) ok = 0;
        for (int i = 0; i < received; i++)
            if (values[i] != rank * i) ok = 0;
    }

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("tag-selected receives: %s\n", all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
