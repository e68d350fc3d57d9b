/*---
id: mpi-pi-integration
title: Compute pi by numerical integration of 4/(1+x^2) with MPI_Reduce
descriptions:
  - calculate pi in parallel with MPI
  - numerical integration with the midpoint rule split over processes
  - classic MPI pi example with cyclic distribution of intervals
api: mpi
lang: c
constructs: [MPI_Bcast, MPI_Reduce, MPI_Wtime]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>

static const double PI_REF = 3.14159265358979323846; /* M_PI is not part of ISO C */

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    /* The root decides the number of intervals and tells everyone. */
    long n = 0;
    if (rank == 0) n = 2000000;
    MPI_Bcast(&n, 1, MPI_LONG, 0, MPI_COMM_WORLD);

    double t0 = MPI_Wtime();
    /* pi = integral_0^1 4 / (1 + x^2) dx. Midpoint rule; interval i goes to
       rank i % size (cyclic), which balances the work automatically. */
    double h = 1.0 / n, local = 0.0;
    for (long i = rank; i < n; i += size) {
        double x = h * (i + 0.5);
        local += 4.0 / (1.0 + x * x);
    }
    local *= h;

    double pi = 0.0;
    MPI_Reduce(&local, &pi, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    double elapsed = MPI_Wtime() - t0;

    int ok = 1;
    if (rank == 0) {
        double err = fabs(pi - PI_REF);
        ok = err < 1e-10; /* midpoint error ~ h^2/... is far below this */
        printf("pi = %.15f, error %.2e, %.3f s on %d ranks: %s\n", pi, err, elapsed, size, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
