/* Driver for mpi-trapezoid: n is odd and not divisible by 4; rank 0's result is checked relative
   to the (positive) integral, with 1e-8 (room for x += h stepping; one missing point is ~1e-7). */
#include <math.h>
#include <mpi.h>
#include <stdio.h>

double trapezoid_mpi(double a, double b, long n, MPI_Comm comm);

static double f(double x) { return exp(-0.1 * x * x) * (2 + sin(3 * x)); }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) double reference(double a, double b, long n) {
    const double h = (b - a) / n;
    double s = 0.5 * (f(a) + f(b));
    for (long i = 1; i < n; i++) s += f(a + i * h);
    return s * h;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    const double a = -2.0, b = 5.0;
    const long n = 4000003;

    double ref = 0.0, ref_time = 0.0;
    if (rank == 0) {
        double t0 = MPI_Wtime();
        ref = reference(a, b, n);
        ref_time = MPI_Wtime() - t0;
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    double got = trapezoid_mpi(a, b, n, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = rank != 0 || fabs(got - ref) <= 1e-8 * ref, all_ok;
    if (!ok) fprintf(stderr, "rank 0: wrong integral: got %.17g, expected %.17g\n", got, ref);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
