/*---
id: mpi-allreduce-norm
title: Normalise a distributed vector where every rank needs the global norm (MPI_Allreduce)
descriptions:
  - every process needs the total
  - compute the 2-norm of a vector split across processes
  - MPI_Allreduce example, reduce and broadcast the result to all ranks
api: mpi
lang: c
constructs: [MPI_Allreduce, MPI_SUM]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int nloc = N / size + (rank < N % size);
    int first = rank * (N / size) + (rank < N % size ? rank : N % size);
    double *x = malloc(nloc * sizeof *x);
    for (int i = 0; i < nloc; i++) x[i] = first + i + 1.0; /* x = 1, 2, ..., N */

    /* Local sum of squares, then a global sum that ALL ranks receive. */
    double local = 0.0, global;
    for (int i = 0; i < nloc; i++) local += x[i] * x[i];
    MPI_Allreduce(&local, &global, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    double norm = sqrt(global);

    /* Because every rank has the norm, each can scale its own part. */
    for (int i = 0; i < nloc; i++) x[i] /= norm;

    /* Check: sum of k^2 for k=1..N is N(N+1)(2N+1)/6, and the scaled vector has norm 1. */
    double expected = sqrt((double)N * (N + 1) * (2.0 * N + 1) / 6.0);
    double l2 = 0.0, g2;
    for (int i = 0; i < nloc; i++) l2 += x[i] * x[i];
    MPI_Allreduce(&l2, &g2, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    int ok = fabs(norm - expected) <= 1e-12 * expected && fabs(g2 - 1.0) <= 1e-12;
    free(x);

    if (rank == 0) printf("norm = %.6f, after scaling %.15f: %s\n", norm, g2, ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return ok ? 0 : 1;
}
