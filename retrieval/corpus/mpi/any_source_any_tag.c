/*---
id: mpi-any-source-any-tag
title: Receive from whoever is ready with MPI_ANY_SOURCE and MPI_ANY_TAG
descriptions:
  - receive messages in the order they arrive instead of rank order
  - how do I find out which rank sent a message and with which tag
  - MPI_ANY_SOURCE MPI_ANY_TAG status.MPI_SOURCE status.MPI_TAG example
api: mpi
lang: c
constructs: [MPI_Recv, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_Status, MPI_Bcast]
pattern: point-to-point
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define TAG_EVEN 10
#define TAG_ODD 11

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int ok = 1;
    if (rank != 0) {
        /* Each worker computes a result; the tag says what kind of result it is. */
        int result = rank * rank + 1;
        int tag = (result % 2 == 0) ? TAG_EVEN : TAG_ODD;
        MPI_Send(&result, 1, MPI_INT, 0, tag, MPI_COMM_WORLD);
    } else {
        int *seen = calloc(size, sizeof *seen); /* how often each rank was heard from */
        for (int k = 1; k < size; k++) {
            int value;
            MPI_Status st;
            /* Take the first message that arrives, from any worker, with any tag. */
            MPI_Recv(&value, 1, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st);
            int src = st.MPI_SOURCE, tag = st.MPI_TAG; /* who sent it, and which tag */
            if (src < 1 || src >= size || seen[src]++) ok = 0;
            if (value != src * src + 1) ok = 0;
            if (tag != ((value % 2 == 0) ? TAG_EVEN : TAG_ODD)) ok = 0;
        }
        free(seen);
    }

    /* rank 0 alone judged the answers: broadcast its verdict. */
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("received %d results in arrival order: %s\n", size - 1, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
