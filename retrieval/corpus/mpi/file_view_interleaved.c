/*---
id: mpi-file-view-interleaved
title: Interleaved (block-cyclic) file layout with MPI_File_set_view and a vector filetype
descriptions:
  - MPI_File_set_view example with a derived datatype
  - each process writes every p-th block of a file
  - file view so that each rank sees only its own parts of the file
api: mpi
lang: c
constructs: [MPI_File_set_view, MPI_Type_vector, MPI_Type_create_resized, MPI_File_write_all, MPI_File_read_all]
pattern: io
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define B 4       /* ints per block */
#define NBLK 5    /* blocks per rank */
static const char *FNAME = "mpi_io_view_interleaved.dat";

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* File layout: blk0 of rank 0, blk0 of rank 1, ..., blk1 of rank 0, ...
       Filetype: NBLK blocks of B ints, a stride of B*size ints apart. Its extent
       is resized to NBLK*B*size ints so the pattern could tile further. */
    MPI_Datatype vec, filetype;
    MPI_Type_vector(NBLK, B, B * size, MPI_INT, &vec);
    MPI_Type_create_resized(vec, 0, (MPI_Aint)NBLK * B * size * sizeof(int), &filetype);
    MPI_Type_commit(&filetype);
    MPI_Type_free(&vec);

    int out[NBLK * B], in[NBLK * B];
    for (int k = 0; k < NBLK; k++)
        for (int i = 0; i < B; i++) out[k * B + i] = (k * size + rank) * B + i; /* = file position */

    MPI_File fh;
    if (MPI_File_open(MPI_COMM_WORLD, FNAME, MPI_MODE_CREATE | MPI_MODE_RDWR, MPI_INFO_NULL, &fh) != MPI_SUCCESS)
        MPI_Abort(MPI_COMM_WORLD, 1);
    /* The view starts at my first block (displacement in BYTES); from then on I
       see a contiguous stream of my own ints and write it as one piece. */
    MPI_Offset disp = (MPI_Offset)rank * B * sizeof(int);
    MPI_File_set_view(fh, disp, MPI_INT, filetype, "native", MPI_INFO_NULL);
    MPI_File_write_all(fh, out, NBLK * B, MPI_INT, MPI_STATUS_IGNORE);

    /* Read back through the same view (position reset to 0 of the view). */
    MPI_File_sync(fh);
    MPI_Barrier(MPI_COMM_WORLD);
    MPI_File_sync(fh);
    MPI_File_seek(fh, 0, MPI_SEEK_SET);
    MPI_File_read_all(fh, in, NBLK * B, MPI_INT, MPI_STATUS_IGNORE);
    int ok = 1;
    for (int i = 0; i < NBLK * B; i++)
        if (in[i] != out[i]) ok = 0;

    MPI_File_close(&fh);
    MPI_Type_free(&filetype);

    /* Rank 0 checks the raw file with the default (byte) view: element g == g.
       MPI_File_open and MPI_File_set_view are collective, so a check by one rank
       alone opens the file on MPI_COMM_SELF. */
    if (rank == 0) {
        int total = NBLK * B * size;
        int *raw = malloc(total * sizeof *raw);
        MPI_File_open(MPI_COMM_SELF, FNAME, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh);
        MPI_File_read_at(fh, 0, raw, total, MPI_INT, MPI_STATUS_IGNORE);
        MPI_File_close(&fh);
        for (int g = 0; g < total; g++)
            if (raw[g] != g) ok = 0;
        free(raw);
    }
    if (rank == 0) MPI_File_delete(FNAME, MPI_INFO_NULL);

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("interleaved file view with %d ranks: %s\n", size, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
