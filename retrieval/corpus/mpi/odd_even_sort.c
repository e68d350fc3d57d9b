/*---
id: mpi-odd-even-sort
title: Parallel odd-even transposition sort with merge-split between neighbours
descriptions:
  - sort a distributed array with MPI
  - odd even transposition sort between neighbouring processes
  - parallel sorting where each rank keeps a sorted block and swaps with neighbours
api: mpi
lang: c
constructs: [MPI_Sendrecv, MPI_Gather, MPI_PROC_NULL]
pattern: sort
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define B 25 /* keys per rank (equal blocks keep merge-split simple) */

static int cmp(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Merge my sorted block with the partner's; keep the low or the high half. */
static void merge_split(int *mine, const int *theirs, int keep_low) {
    int merged[2 * B];
    for (int i = 0, j = 0, k = 0; k < 2 * B; k++)
        merged[k] = (j >= B || (i < B && mine[i] <= theirs[j])) ? mine[i++] : theirs[j++];
    memcpy(mine, keep_low ? merged : merged + B, B * sizeof *mine);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int keys[B], other[B];
    unsigned s = 2024u + 17u * rank;
    for (int i = 0; i < B; i++) {
        s = s * 1664525u + 1013904223u;
        keys[i] = (int)(s >> 16) % 1000;
    }
    qsort(keys, B, sizeof *keys, cmp); /* local sort first */

    /* size phases: in even phases pairs (0,1),(2,3)...; in odd phases (1,2),(3,4)...
       The lower rank of each pair keeps the smaller half. */
    for (int phase = 0; phase < size; phase++) {
        int partner = (phase % 2 == rank % 2) ? rank + 1 : rank - 1;
        if (partner < 0 || partner >= size) partner = MPI_PROC_NULL; /* idle this phase */
        MPI_Sendrecv(keys, B, MPI_INT, partner, 0, other, B, MPI_INT, partner, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (partner != MPI_PROC_NULL) merge_split(keys, other, rank < partner);
    }

    /* Check on rank 0: the concatenation is sorted and is a permutation of the input. */
    int *all = NULL;
    if (rank == 0) all = malloc((size_t)size * B * sizeof *all);
    MPI_Gather(keys, B, MPI_INT, all, B, MPI_INT, 0, MPI_COMM_WORLD);
    int ok = 1;
    if (rank == 0) {
        int n = size * B;
        int *ref = malloc((size_t)n * sizeof *ref);
        for (int r = 0; r < size; r++) { /* regenerate everyone's input */
            unsigned t = 2024u + 17u * r;
            for (int i = 0; i < B; i++) {
                t = t * 1664525u + 1013904223u;
                ref[r * B + i] = (int)(t >> 16) % 1000;
            }
        }
        qsort(ref, n, sizeof *ref, cmp);
        ok = memcmp(ref, all, (size_t)n * sizeof *ref) == 0;
        printf("odd-even sort of %d keys: %s\n", n, ok ? "PASS" : "FAIL");
        free(ref);
        free(all);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
