/*---
id: mpi-file-write-read-at
title: Each rank writes and reads its own part of one shared file with MPI_File_write_at / read_at
descriptions:
  - write one binary file from all processes, each at its own offset
  - MPI-IO example with MPI_File_write_at and MPI_File_read_at
  - parallel file output without gathering everything on rank 0
api: mpi
lang: c
constructs: [MPI_File_open, MPI_File_write_at, MPI_File_read_at, MPI_File_close, MPI_File_delete, MPI_Offset]
pattern: io
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define N 100 /* ints per rank */
static const char *FNAME = "mpi_io_write_read_at.dat";

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int buf[N];
    for (int i = 0; i < N; i++) buf[i] = rank * N + i;

    /* All ranks open the same file (collective). File errors RETURN by default
       instead of aborting, so check the result. */
    MPI_File fh;
    int rc = MPI_File_open(MPI_COMM_WORLD, FNAME, MPI_MODE_CREATE | MPI_MODE_WRONLY, MPI_INFO_NULL, &fh);
    if (rc != MPI_SUCCESS) {
        fprintf(stderr, "FAIL: cannot open %s\n", FNAME);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    /* Explicit byte offset: rank r owns bytes [r*N*4, (r+1)*N*4). Independent call. */
    MPI_Offset offset = (MPI_Offset)rank * N * sizeof(int);
    MPI_File_write_at(fh, offset, buf, N, MPI_INT, MPI_STATUS_IGNORE);
    MPI_File_close(&fh); /* collective: afterwards all data is in the file */

    /* Reopen and read the block written by the next rank. */
    int next = (rank + 1) % size, in[N];
    MPI_File_open(MPI_COMM_WORLD, FNAME, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh);
    MPI_Status st;
    MPI_File_read_at(fh, (MPI_Offset)next * N * sizeof(int), in, N, MPI_INT, &st);
    int got;
    MPI_Get_count(&st, MPI_INT, &got);
    MPI_File_close(&fh);

    int ok = got == N;
    for (int i = 0; i < N; i++)
        if (in[i] != next * N + i) ok = 0;

    /* Clean up: one rank deletes the file once everybody has closed it. */
    MPI_Barrier(MPI_COMM_WORLD);
    if (rank == 0) MPI_File_delete(FNAME, MPI_INFO_NULL);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("wrote %d ints per rank with MPI-IO and read them back: %s\n", N, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
