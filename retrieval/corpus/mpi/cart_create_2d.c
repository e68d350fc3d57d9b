/*---
id: mpi-cart-create-2d
title: Arrange ranks in a 2D grid with MPI_Dims_create, MPI_Cart_create and MPI_Cart_coords
descriptions:
  - create a 2D Cartesian process grid in MPI
  - find my row and column in the process grid and my neighbours
  - MPI_Dims_create MPI_Cart_create MPI_Cart_shift MPI_Cart_rank example
api: mpi
lang: c
constructs: [MPI_Dims_create, MPI_Cart_create, MPI_Cart_coords, MPI_Cart_rank, MPI_Cart_shift]
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

    /* Let MPI choose a balanced grid: 1 -> 1x1, 2 -> 2x1, 4 -> 2x2, 6 -> 3x2.
       Zeros mean "you choose"; a non-zero entry would fix that dimension. */
    int dims[2] = {0, 0};
    MPI_Dims_create(size, 2, dims);

    /* Periodic in x (wrap around), not periodic in y. reorder = 1 lets MPI
       renumber ranks to fit the hardware, so ask for the rank in the new comm. */
    int periods[2] = {1, 0};
    MPI_Comm grid;
    MPI_Cart_create(MPI_COMM_WORLD, 2, dims, periods, 1, &grid);
    int rank, coords[2];
    MPI_Comm_rank(grid, &rank);
    MPI_Cart_coords(grid, rank, 2, coords);

    /* Neighbours: displacement +1 along each dimension. Cart_shift returns the
       source (coord - 1) and destination (coord + 1); off the edge of a
       non-periodic dimension it returns MPI_PROC_NULL. */
    int xm, xp, ym, yp;
    MPI_Cart_shift(grid, 0, 1, &xm, &xp);
    MPI_Cart_shift(grid, 1, 1, &ym, &yp);

    /* Check against MPI_Cart_rank (coordinates -> rank). */
    int ok = dims[0] * dims[1] == size;
    int c[2] = {(coords[0] + 1) % dims[0], coords[1]}, r;
    MPI_Cart_rank(grid, c, &r);
    if (r != xp) ok = 0;
    if (coords[1] == dims[1] - 1 ? yp != MPI_PROC_NULL : yp == MPI_PROC_NULL) ok = 0;
    if (coords[1] == 0 ? ym != MPI_PROC_NULL : ym == MPI_PROC_NULL) ok = 0;

    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, grid);
    if (rank == 0) printf("%d x %d process grid, rank 0 at (%d,%d): %s\n", dims[0], dims[1], coords[0], coords[1], all_ok ? "PASS" : "FAIL");
    MPI_Comm_free(&grid);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
