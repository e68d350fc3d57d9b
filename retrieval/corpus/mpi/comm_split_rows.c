/*---
id: mpi-comm-split-rows
title: Split MPI_COMM_WORLD into row and column communicators with MPI_Comm_split
descriptions:
  - divide processes into groups that each do their own collective
  - MPI_Comm_split example with color and key
  - make a sub-communicator for every row of a process grid
api: mpi
lang: c
constructs: [MPI_Comm_split, MPI_Allreduce, MPI_Comm_free]
pattern: communicator
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* Arrange the ranks in rows of width 2 (the last row may be shorter). */
    const int width = 2;
    int row = rank / width, col = rank % width;

    /* Same color -> same new communicator. The key orders ranks inside it
       (here: by column, or by row), ties broken by the old rank. */
    MPI_Comm row_comm, col_comm;
    MPI_Comm_split(MPI_COMM_WORLD, row, col, &row_comm);
    MPI_Comm_split(MPI_COMM_WORLD, col, row, &col_comm);

    int row_rank, row_size, col_rank, col_size;
    MPI_Comm_rank(row_comm, &row_rank);
    MPI_Comm_size(row_comm, &row_size);
    MPI_Comm_rank(col_comm, &col_rank);
    MPI_Comm_size(col_comm, &col_size);

    /* Collectives on a sub-communicator involve only its members:
       sum the world ranks within my row and within my column. */
    int row_sum, col_sum;
    MPI_Allreduce(&rank, &row_sum, 1, MPI_INT, MPI_SUM, row_comm);
    MPI_Allreduce(&rank, &col_sum, 1, MPI_INT, MPI_SUM, col_comm);

    /* Serial check. */
    int erow = 0, ecol = 0, nrow = 0, ncol = 0;
    for (int r = 0; r < size; r++) {
        if (r / width == row) { erow += r; nrow++; }
        if (r % width == col) { ecol += r; ncol++; }
    }
    int ok = row_sum == erow && col_sum == ecol && row_rank == col && col_rank == row &&
             row_size == nrow && col_size == ncol;

    MPI_Comm_free(&row_comm);
    MPI_Comm_free(&col_comm);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("row/column communicators: %s\n", all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
