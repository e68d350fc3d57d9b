/*---
id: mpi-cart-sub-rows
title: Row and column communicators of a process grid with MPI_Cart_sub
descriptions:
  - MPI_Cart_sub example
  - broadcast along the rows of a 2D process grid
  - get a communicator for each row and each column of a Cartesian topology
api: mpi
lang: c
constructs: [MPI_Cart_create, MPI_Cart_sub, MPI_Cart_coords, MPI_Bcast, MPI_Reduce]
pattern: topology
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int size;
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int dims[2] = {0, 0}, periods[2] = {0, 0}, coords[2], rank;
    MPI_Dims_create(size, 2, dims);
    MPI_Comm grid;
    MPI_Cart_create(MPI_COMM_WORLD, 2, dims, periods, 0, &grid);
    MPI_Comm_rank(grid, &rank);
    MPI_Cart_coords(grid, rank, 2, coords);

    /* remain_dims says which dimensions are KEPT in the sub-grid:
       keep dim 1 -> one communicator per row; keep dim 0 -> one per column. */
    MPI_Comm row, col;
    int keep_cols[2] = {0, 1}, keep_rows[2] = {1, 0};
    MPI_Cart_sub(grid, keep_cols, &row);
    MPI_Cart_sub(grid, keep_rows, &col);

    /* E.g. in a SUMMA matrix multiply: the rank in column 0 of each row
       broadcasts its block along the row ... */
    double block = (coords[1] == 0) ? 10.0 * coords[0] : -1.0;
    MPI_Bcast(&block, 1, MPI_DOUBLE, 0, row); /* root 0 = column 0 of this row */

    /* ... and partial results are reduced down each column to row 0. */
    double colsum = 0.0;
    MPI_Reduce(&block, &colsum, 1, MPI_DOUBLE, MPI_SUM, 0, col);

    int row_rank;
    MPI_Comm_rank(row, &row_rank);
    int ok = block == 10.0 * coords[0] && row_rank == coords[1];
    if (coords[0] == 0) ok = ok && colsum == 10.0 * dims[0] * (dims[0] - 1) / 2;

    MPI_Comm_free(&row);
    MPI_Comm_free(&col);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, grid);
    if (rank == 0) printf("Cart_sub on a %dx%d grid: %s\n", dims[0], dims[1], all_ok ? "PASS" : "FAIL");
    MPI_Comm_free(&grid);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
