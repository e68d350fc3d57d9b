/*---
id: kern-vecadd-mpi
title: Vector addition with MPI - scatter the inputs, add locally, gather the sum
descriptions:
  - add two vectors using several MPI processes
  - MPI_Scatterv and MPI_Gatherv for uneven pieces of an array
  - distribute an array from rank 0, work on the pieces, collect the result
api: mpi
lang: c
constructs: [MPI_Scatterv, MPI_Gatherv]
pattern: map
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define N 1000003

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int *cnt = malloc(size * sizeof *cnt), *off = malloc(size * sizeof *off);
    for (int r = 0; r < size; r++) { /* block sizes differ by at most one */
        off[r] = (int)((long)N * r / size);
        cnt[r] = (int)((long)N * (r + 1) / size) - off[r];
    }
    int n = cnt[rank];

    double *x = NULL, *y = NULL, *z = NULL;
    if (rank == 0) { /* only the root holds the full vectors */
        x = malloc(N * sizeof *x); y = malloc(N * sizeof *y); z = malloc(N * sizeof *z);
        for (int i = 0; i < N; i++) { x[i] = i; y[i] = 2.0 * (N - i); }
    }
    double *lx = malloc((n > 0 ? n : 1) * sizeof *lx), *ly = malloc((n > 0 ? n : 1) * sizeof *ly);
    MPI_Scatterv(x, cnt, off, MPI_DOUBLE, lx, n, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    MPI_Scatterv(y, cnt, off, MPI_DOUBLE, ly, n, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    for (int i = 0; i < n; i++) lx[i] += ly[i]; /* z = x + y, in place in lx */

    MPI_Gatherv(lx, n, MPI_DOUBLE, z, cnt, off, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    int ok = 1;
    if (rank == 0) { /* closed form: i + 2(N - i) = 2N - i */
        for (int i = 0; i < N; i++)
            if (z[i] != 2.0 * N - i) { ok = 0; break; }
        printf("z[0] = %.0f, z[N-1] = %.0f on %d ranks: %s\n", z[0], z[N - 1], size, ok ? "PASS" : "FAIL");
        free(x); free(y); free(z);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    free(lx); free(ly); free(cnt); free(off);
    MPI_Finalize();
    return ok ? 0 : 1;
}
