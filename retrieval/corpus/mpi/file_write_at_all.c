/*---
id: mpi-file-write-at-all
title: Collective file write of uneven blocks with MPI_File_write_at_all and Exscan offsets
descriptions:
  - collective MPI-IO write where every rank has a different amount of data
  - MPI_File_write_at_all example
  - save a distributed array to a single file in the right order
api: mpi
lang: c
constructs: [MPI_File_open, MPI_File_write_at_all, MPI_Exscan, MPI_File_get_size, MPI_File_read_at, MPI_File_delete]
pattern: io
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1001 /* global array length, not divisible by the rank count */
static const char *FNAME = "mpi_io_write_at_all.dat";

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Uneven blocks: the first ranks get one element more. */
    int nloc = N / size + (rank < N % size);
    double *x = malloc(nloc * sizeof *x);

    /* Where does my block start? Exclusive prefix sum of the counts. */
    long start = 0, n = nloc;
    MPI_Exscan(&n, &start, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) start = 0;
    for (int i = 0; i < nloc; i++) x[i] = 0.5 * (start + i);

    MPI_File fh;
    if (MPI_File_open(MPI_COMM_WORLD, FNAME, MPI_MODE_CREATE | MPI_MODE_RDWR, MPI_INFO_NULL, &fh) != MPI_SUCCESS) {
        fprintf(stderr, "FAIL: cannot open %s\n", FNAME);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    /* _all = collective: every rank calls it, so the MPI library can merge the
       requests into large, well-aligned writes (two-phase I/O). */
    MPI_File_write_at_all(fh, start * (MPI_Offset)sizeof(double), x, nloc, MPI_DOUBLE, MPI_STATUS_IGNORE);
    MPI_File_sync(fh);            /* flush my writes ...                      */
    MPI_Barrier(MPI_COMM_WORLD);  /* ... wait until everyone has flushed ...  */
    MPI_File_sync(fh);            /* ... and see the others' writes           */

    /* Rank 0 checks the whole file. */
    int ok = 1;
    if (rank == 0) {
        MPI_Offset fsize;
        MPI_File_get_size(fh, &fsize);
        double *all = malloc(N * sizeof *all);
        MPI_File_read_at(fh, 0, all, N, MPI_DOUBLE, MPI_STATUS_IGNORE);
        ok = fsize == (MPI_Offset)N * (MPI_Offset)sizeof(double);
        for (int g = 0; g < N; g++)
            if (all[g] != 0.5 * g) ok = 0;
        free(all);
    }
    MPI_File_close(&fh);
    if (rank == 0) MPI_File_delete(FNAME, MPI_INFO_NULL);
    free(x);

    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("collective write of %d doubles: %s\n", N, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
