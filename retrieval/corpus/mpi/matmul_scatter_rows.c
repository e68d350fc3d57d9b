/*---
id: mpi-matmul-scatter-rows
title: Matrix multiplication C = A B with rows of A scattered and B broadcast
descriptions:
  - multiply two matrices in parallel with MPI
  - scatter rows of A, broadcast B, gather rows of C
  - parallel matrix multiply with MPI_Scatterv and MPI_Gatherv when rows do not divide evenly
api: mpi
lang: c
constructs: [MPI_Scatterv, MPI_Bcast, MPI_Gatherv]
pattern: linear-algebra
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define M 10 /* rows of A and C */
#define K 6  /* columns of A, rows of B */
#define N 8  /* columns of B and C */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    static double A[M][K], B[K][N], C[M][N];
    if (rank == 0) {
        for (int i = 0; i < M; i++)
            for (int k = 0; k < K; k++) A[i][k] = i - k * 0.5;
        for (int k = 0; k < K; k++)
            for (int j = 0; j < N; j++) B[k][j] = (k + 1) * (j % 3) + 1.0;
    }

    /* Row blocks, counted in doubles: rows * row length. */
    int *cntA = malloc(size * sizeof *cntA), *dspA = malloc(size * sizeof *dspA);
    int *cntC = malloc(size * sizeof *cntC), *dspC = malloc(size * sizeof *dspC);
    for (int r = 0, row = 0; r < size; r++) {
        int rows = M / size + (r < M % size);
        cntA[r] = rows * K; dspA[r] = row * K;
        cntC[r] = rows * N; dspC[r] = row * N;
        row += rows;
    }
    int myrows = cntA[rank] / K;
    double (*a)[K] = malloc((myrows > 0 ? myrows : 1) * sizeof *a);
    double (*c)[N] = malloc((myrows > 0 ? myrows : 1) * sizeof *c);

    MPI_Scatterv(A, cntA, dspA, MPI_DOUBLE, a, cntA[rank], MPI_DOUBLE, 0, MPI_COMM_WORLD);
    MPI_Bcast(B, K * N, MPI_DOUBLE, 0, MPI_COMM_WORLD); /* everyone needs all of B */

    for (int i = 0; i < myrows; i++)
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < K; k++) s += a[i][k] * B[k][j];
            c[i][j] = s;
        }
    MPI_Gatherv(c, cntC[rank], MPI_DOUBLE, C, cntC, dspC, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        for (int i = 0; i < M; i++)
            for (int j = 0; j < N; j++) {
                double ref = 0.0;
                for (int k = 0; k < K; k++) ref += A[i][k] * B[k][j];
                if (fabs(C[i][j] - ref) > 1e-12 * (1.0 + fabs(ref))) ok = 0;
            }
        printf("C = A B (%dx%d) on %d ranks: %s\n", M, N, size, ok ? "PASS" : "FAIL");
    }
    free(cntA); free(dspA); free(cntC); free(dspC); free(a); free(c);
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
