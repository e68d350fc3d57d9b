/*---
id: mpi-scatterv-uneven
title: Scatter an array that does not divide evenly with MPI_Scatterv
descriptions:
  - scatter an array when its length is not divisible by the number of processes
  - MPI_Scatterv example with sendcounts and displacements
  - give each rank a different number of elements
api: mpi
lang: c
constructs: [MPI_Scatterv, MPI_Reduce]
pattern: collective
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 22

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* counts[r] = how many elements rank r gets, displs[r] = where they start.
       The first N % size ranks get one extra element. Every rank computes these
       (cheap), although only the root needs them for Scatterv. */
    int *counts = malloc(size * sizeof *counts);
    int *displs = malloc(size * sizeof *displs);
    for (int r = 0, off = 0; r < size; r++) {
        counts[r] = N / size + (r < N % size);
        displs[r] = off;
        off += counts[r];
    }

    int *data = NULL;
    if (rank == 0) {
        data = malloc(N * sizeof *data);
        for (int i = 0; i < N; i++) data[i] = i;
    }
    int nloc = counts[rank];
    int *mine = malloc(nloc * sizeof *mine);
    MPI_Scatterv(data, counts, displs, MPI_INT, mine, nloc, MPI_INT, 0, MPI_COMM_WORLD);

    /* Each rank checks that it got the right slice, then sums it. */
    int ok = 1;
    long local = 0;
    for (int i = 0; i < nloc; i++) {
        if (mine[i] != displs[rank] + i) ok = 0;
        local += mine[i];
    }
    long total;
    int all_ok;
    MPI_Reduce(&local, &total, 1, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
    MPI_Reduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        all_ok = all_ok && total == (long)N * (N - 1) / 2;
        printf("Scatterv %d elements, rank 0 got %d: %s\n", N, nloc, all_ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&all_ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    free(counts); free(displs); free(mine); free(data);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
