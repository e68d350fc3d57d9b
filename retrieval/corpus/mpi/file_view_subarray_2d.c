/*---
id: mpi-file-view-subarray-2d
title: Write a block-distributed 2D array to one file with subarray file and memory types
descriptions:
  - save a 2D domain-decomposed grid into a single file in global order
  - MPI_File_set_view with MPI_Type_create_subarray for a 2D array
  - write the interior of local arrays (skip ghost cells) with collective MPI-IO
api: mpi
lang: c
constructs: [MPI_Type_create_subarray, MPI_File_set_view, MPI_File_write_all, MPI_Dims_create, MPI_Cart_create]
pattern: io
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define GX 9  /* global rows */
#define GY 7  /* global columns */
static const char *FNAME = "mpi_io_subarray_2d.dat";

static void block(int n, int p, int c, int *len, int *start) {
    *len = n / p + (c < n % p);
    *start = c * (n / p) + (c < n % p ? c : n % p);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int size, rank, dims[2] = {0, 0}, periods[2] = {0, 0}, coords[2];
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Dims_create(size, 2, dims);
    MPI_Comm grid;
    MPI_Cart_create(MPI_COMM_WORLD, 2, dims, periods, 0, &grid);
    MPI_Comm_rank(grid, &rank);
    MPI_Cart_coords(grid, rank, 2, coords);

    int nx, ny, x0, y0;
    block(GX, dims[0], coords[0], &nx, &x0);
    block(GY, dims[1], coords[1], &ny, &y0);

    /* Local array with one ghost layer: (nx+2) x (ny+2); interior = global values. */
    int *local = calloc((nx + 2) * (ny + 2), sizeof *local);
    for (int i = 0; i < nx; i++)
        for (int j = 0; j < ny; j++) local[(i + 1) * (ny + 2) + (j + 1)] = (x0 + i) * GY + (y0 + j);

    /* Memory type: the interior of the local array (skips the ghosts). */
    int lsizes[2] = {nx + 2, ny + 2}, lsub[2] = {nx, ny}, lstart[2] = {1, 1};
    MPI_Datatype memtype;
    MPI_Type_create_subarray(2, lsizes, lsub, lstart, MPI_ORDER_C, MPI_INT, &memtype);
    MPI_Type_commit(&memtype);
    /* File type: where my block sits inside the global GX x GY array. */
    int gsizes[2] = {GX, GY}, gstart[2] = {x0, y0};
    MPI_Datatype filetype;
    MPI_Type_create_subarray(2, gsizes, lsub, gstart, MPI_ORDER_C, MPI_INT, &filetype);
    MPI_Type_commit(&filetype);

    MPI_File fh;
    if (MPI_File_open(grid, FNAME, MPI_MODE_CREATE | MPI_MODE_WRONLY, MPI_INFO_NULL, &fh) != MPI_SUCCESS)
        MPI_Abort(MPI_COMM_WORLD, 1);
    MPI_File_set_view(fh, 0, MPI_INT, filetype, "native", MPI_INFO_NULL);
    MPI_File_write_all(fh, local, 1, memtype, MPI_STATUS_IGNORE); /* one memtype = my interior */
    MPI_File_close(&fh);

    /* Rank 0 reads the plain file: it must be the global array in row-major order. */
    int ok = 1;
    if (rank == 0) {
        int *all = malloc(GX * GY * sizeof *all);
        MPI_File_open(MPI_COMM_SELF, FNAME, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh);
        MPI_File_read_at(fh, 0, all, GX * GY, MPI_INT, MPI_STATUS_IGNORE);
        MPI_File_close(&fh);
        for (int g = 0; g < GX * GY; g++)
            if (all[g] != g) ok = 0;
        free(all);
        MPI_File_delete(FNAME, MPI_INFO_NULL);
    }

    MPI_Type_free(&memtype);
    MPI_Type_free(&filetype);
    free(local);
    MPI_Bcast(&ok, 1, MPI_INT, 0, grid);
    if (rank == 0) printf("%dx%d array written by a %dx%d process grid: %s\n", GX, GY, dims[0], dims[1], ok ? "PASS" : "FAIL");
    MPI_Comm_free(&grid);
    MPI_Finalize();
    return ok ? 0 : 1;
}
