/*---
id: mpi-type-subarray-block
title: Send a rectangular sub-block of a 2D array with MPI_Type_create_subarray
descriptions:
  - send the interior of a 2D grid without its ghost cells
  - MPI_Type_create_subarray example
  - describe a block of a bigger matrix as an MPI datatype
api: mpi
lang: c
constructs: [MPI_Type_create_subarray, MPI_ORDER_C, MPI_Sendrecv]
pattern: datatype
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define NX 6 /* rows including one ghost layer on each side */
#define NY 8 /* columns including ghost layers */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Local grid with a ghost frame of width 1; the interior is (NX-2) x (NY-2). */
    double grid[NX][NY];
    for (int i = 0; i < NX; i++)
        for (int j = 0; j < NY; j++) {
            int interior = i > 0 && i < NX - 1 && j > 0 && j < NY - 1;
            grid[i][j] = interior ? 1000.0 * rank + 10 * i + j : -1.0;
        }

    /* Subarray of a [NX][NY] array: size [NX-2][NY-2] starting at [1][1].
       The datatype covers the whole array, so the buffer is &grid[0][0]. */
    int sizes[2] = {NX, NY}, subsizes[2] = {NX - 2, NY - 2}, starts[2] = {1, 1};
    MPI_Datatype interior;
    MPI_Type_create_subarray(2, sizes, subsizes, starts, MPI_ORDER_C, MPI_DOUBLE, &interior);
    MPI_Type_commit(&interior);

    /* Send my interior to the right; receive the left rank's interior packed
       contiguously ((NX-2)*(NY-2) doubles, same type signature). */
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;
    double packed[NX - 2][NY - 2];
    MPI_Sendrecv(grid, 1, interior, right, 0, packed, (NX - 2) * (NY - 2), MPI_DOUBLE, left, 0,
                 MPI_COMM_WORLD, MPI_STATUS_IGNORE);

    int ok = 1;
    for (int i = 0; i < NX - 2; i++)
        for (int j = 0; j < NY - 2; j++)
            if (packed[i][j] != 1000.0 * left + 10 * (i + 1) + (j + 1)) ok = 0; /* no ghosts (-1) */

    MPI_Type_free(&interior);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("sent %dx%d interior block: %s\n", NX - 2, NY - 2, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
