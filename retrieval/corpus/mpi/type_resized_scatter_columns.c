/*---
id: mpi-type-resized-scatter-columns
title: Scatter the columns of a row-major matrix with a vector type and MPI_Type_create_resized
descriptions:
  - distribute matrix columns to processes in C
  - why does MPI_Scatter with a vector type give wrong results, fix the extent with MPI_Type_create_resized
  - MPI_Scatterv of columns with a resized datatype
api: mpi
lang: c
constructs: [MPI_Type_vector, MPI_Type_create_resized, MPI_Scatterv]
pattern: datatype
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define ROWS 4
#define COLS 10

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    double a[ROWS][COLS]; /* only meaningful on the root */
    if (rank == 0)
        for (int i = 0; i < ROWS; i++)
            for (int j = 0; j < COLS; j++) a[i][j] = 100 * i + j;

    /* A column is a vector type, but its extent spans almost the whole matrix, so
       "the next column" would start far away. Resizing the extent to ONE double
       makes consecutive columns start one double apart: displacements and counts
       in Scatterv are then in units of columns. */
    MPI_Datatype col, col_resized;
    MPI_Type_vector(ROWS, 1, COLS, MPI_DOUBLE, &col);
    MPI_Type_create_resized(col, 0, sizeof(double), &col_resized);
    MPI_Type_commit(&col_resized);
    MPI_Type_free(&col);

    /* Uneven split of the 10 columns. */
    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int r = 0, off = 0; r < size; r++) {
        counts[r] = COLS / size + (r < COLS % size);
        displs[r] = off;
        off += counts[r];
    }
    int ncols = counts[rank];

    /* Received columns are stored one after the other (column-major locally):
       mine[c * ROWS + i] = a[i][displs[rank] + c]. */
    double *mine = malloc(ROWS * ncols * sizeof *mine);
    MPI_Scatterv(a, counts, displs, col_resized, mine, ROWS * ncols, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    int ok = 1;
    for (int c = 0; c < ncols; c++)
        for (int i = 0; i < ROWS; i++)
            if (mine[c * ROWS + i] != 100 * i + displs[rank] + c) ok = 0;

    MPI_Type_free(&col_resized);
    free(counts); free(displs); free(mine);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("scattered %d columns, rank 0 got %d: %s\n", COLS, ncols, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
