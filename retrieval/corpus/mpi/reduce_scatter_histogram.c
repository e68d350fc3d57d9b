/*---
id: mpi-reduce-scatter-histogram
title: Sum histograms and split the bins among ranks with MPI_Reduce_scatter
descriptions:
  - MPI_Reduce_scatter example with different counts per rank
  - add up arrays from all processes and give each process only its part of the result
  - parallel histogram where each rank ends up owning some of the bins
api: mpi
lang: c
constructs: [MPI_Reduce_scatter, MPI_Allreduce]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define NBINS 10
#define NPER 1000 /* samples per rank */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Every rank histograms its own samples into ALL bins. */
    int hist[NBINS] = {0};
    for (int i = 0; i < NPER; i++) {
        int sample = (i * 7 + rank * 3) % 97; /* deterministic "data" in [0, 97) */
        hist[sample % NBINS]++;
    }

    /* Rank r will own recvcounts[r] consecutive bins (uneven: 10 bins on 4 ranks). */
    int *recvcounts = malloc(size * sizeof *recvcounts);
    for (int r = 0; r < size; r++) recvcounts[r] = NBINS / size + (r < NBINS % size);
    int first = 0;
    for (int r = 0; r < rank; r++) first += recvcounts[r];

    /* Element-wise sum of all hist arrays, then scattered: I get the summed
       bins first .. first + recvcounts[rank] - 1. */
    int mybins[NBINS];
    MPI_Reduce_scatter(hist, mybins, recvcounts, MPI_INT, MPI_SUM, MPI_COMM_WORLD);

    /* Serial check of my bins. */
    int ok = 1;
    for (int b = 0; b < recvcounts[rank]; b++) {
        int expected = 0;
        for (int r = 0; r < size; r++)
            for (int i = 0; i < NPER; i++)
                if ((i * 7 + r * 3) % 97 % NBINS == first + b) expected++;
        if (mybins[b] != expected) ok = 0;
    }
    free(recvcounts);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("Reduce_scatter of %d bins: %s\n", NBINS, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
