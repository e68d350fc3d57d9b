/*---
id: mpi-type-vector-column
title: Send one column of a row-major matrix with MPI_Type_vector
descriptions:
  - send a column of a 2D array in C with MPI
  - MPI_Type_vector example with stride
  - how do I send non-contiguous matrix elements without copying them into a buffer
api: mpi
lang: c
constructs: [MPI_Type_vector, MPI_Type_commit, MPI_Sendrecv]
pattern: datatype
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>

#define ROWS 6
#define COLS 5

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    double a[ROWS][COLS]; /* C stores this row by row */
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++) a[i][j] = 100.0 * rank + 10 * i + j;

    /* A column = ROWS blocks of 1 double, each COLS doubles apart. */
    MPI_Datatype column;
    MPI_Type_vector(ROWS, 1, COLS, MPI_DOUBLE, &column);
    MPI_Type_commit(&column);

    /* Send column c = rank % COLS, starting at &a[0][c], to the right neighbour.
       The receiver may use a different type as long as the type signatures match:
       one `column` = ROWS doubles, so it receives into a plain contiguous array. */
    int c = rank % COLS;
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;
    double col[ROWS];
    MPI_Sendrecv(&a[0][c], 1, column, right, 0, col, ROWS, MPI_DOUBLE, left, 0,
                 MPI_COMM_WORLD, MPI_STATUS_IGNORE);

    int lc = left % COLS, ok = 1;
    for (int i = 0; i < ROWS; i++)
        if (col[i] != 100.0 * left + 10 * i + lc) ok = 0;

    MPI_Type_free(&column);
    int all_ok;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) printf("matrix column via MPI_Type_vector: %s\n", all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
