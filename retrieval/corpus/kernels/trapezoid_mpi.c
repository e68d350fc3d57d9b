/*---
id: kern-trapezoid-mpi
title: Trapezoid rule with MPI - each rank integrates its own sub-interval
descriptions:
  - split an integral over processes and add the parts with MPI_Reduce
  - parallel trapezoidal rule with MPI, the classic first MPI program
  - numerical integration of exp(x) on several ranks
api: mpi
lang: c
constructs: [MPI_Reduce, MPI_Bcast]
pattern: reduce
threads: [1]
ranks: [1, 2, 4]
---*/
#include <math.h>
#include <mpi.h>
#include <stdio.h>

static double trap(double a, double b, long n) { /* serial composite trapezoid of exp */
    double h = (b - a) / n, s = 0.5 * (exp(a) + exp(b));
    for (long i = 1; i < n; i++) s += exp(a + i * h);
    return s * h;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const double a = 0.0, b = 1.0;
    const long n = 1200000; /* total trapezoids */

    /* Rank r integrates over trapezoids [n*r/size, n*(r+1)/size): the pieces
       share end points, so their sum is exactly the global rule. */
    long i0 = n * rank / size, i1 = n * (rank + 1) / size;
    double h = (b - a) / n;
    double local = trap(a + i0 * h, a + i1 * h, i1 - i0);

    double total = 0.0;
    MPI_Reduce(&local, &total, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (rank == 0) {
        double ref = trap(a, b, n); /* serial reference; closed form is e - 1 */
        ok = fabs(total - ref) < 1e-12 && fabs(total - (exp(1.0) - 1.0)) < 1e-10;
        printf("integral of exp on [0,1] = %.13f on %d ranks: %s\n", total, size, ok ? "PASS" : "FAIL");
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return ok ? 0 : 1;
}
