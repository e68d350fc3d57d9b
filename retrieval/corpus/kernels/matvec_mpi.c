/*---
id: kern-matvec-mpi
title: Row-distributed matrix-vector product with MPI
descriptions:
  - matrix vector product where each process owns some rows
  - broadcast the vector, compute local rows, gather the result on rank 0
  - distribute a matrix by rows with MPI and collect y = A x
api: mpi
lang: c
constructs: [MPI_Bcast, MPI_Gatherv]
pattern: matvec
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define ROWS 1001
#define COLS 600

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int *cnt = malloc(size * sizeof *cnt), *off = malloc(size * sizeof *off);
    for (int r = 0; r < size; r++) {
        off[r] = ROWS * r / size;
        cnt[r] = ROWS * (r + 1) / size - off[r];
    }
    int lo = off[rank], nr = cnt[rank];

    /* Each rank builds only its own rows: A(i,j) = i + 2j (global i). */
    double *A = malloc((size_t)(nr > 0 ? nr : 1) * COLS * sizeof *A);
    for (int i = 0; i < nr; i++)
        for (int j = 0; j < COLS; j++) A[(size_t)i * COLS + j] = (lo + i) + 2.0 * j;

    /* Rank 0 owns x and shares it with everybody. */
    double *x = malloc(COLS * sizeof *x);
    if (rank == 0)
        for (int j = 0; j < COLS; j++) x[j] = 1.0;
    MPI_Bcast(x, COLS, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    double *ylocal = malloc((size_t)(nr > 0 ? nr : 1) * sizeof *ylocal), *y = NULL;
    for (int i = 0; i < nr; i++) {
        double s = 0.0;
        for (int j = 0; j < COLS; j++) s += A[(size_t)i * COLS + j] * x[j];
        ylocal[i] = s;
    }
    if (rank == 0) y = malloc(ROWS * sizeof *y);
    MPI_Gatherv(ylocal, nr, MPI_DOUBLE, y, cnt, off, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) { /* closed form: y(i) = COLS*i + COLS*(COLS-1) */
        for (int i = 0; i < ROWS; i++)
            if (y[i] != (double)COLS * i + (double)COLS * (COLS - 1)) ok = 0;
        printf("y[%d] = %.0f on %d ranks: %s\n", ROWS - 1, y[ROWS - 1], size, ok ? "PASS" : "FAIL");
        free(y);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    free(A); free(x); free(ylocal); free(cnt); free(off);
    MPI_Finalize();
    return ok ? 0 : 1;
}
