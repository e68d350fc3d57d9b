/* Driver for hybrid-stencil2d: uneven row blocks; interior ghost rows start as NaN; all own rows
   are gathered on rank 0 and checked. */
#include <math.h>
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void heat2d(double *u, int nx, int local_rows, int steps, double alpha, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

/* Initial value of global grid point (i, j); rows 0 and R+1, columns 0 and nx-1 are boundary. */
static double init(long i, long j, long R, long nx) {
    if (i == 0) return 2.0;
    if (i == R + 1) return 0.5 * sin(0.02 * j);
    if (j == 0) return 1.0;
    if (j == nx - 1) return -1.0 + 0.001 * i;
    return u01(i * nx + j);
}

/* Block distribution of the R interior rows: rank r of p owns R/p, plus one if r < R % p. */
static void block(long n, int p, int r, long *start, long *count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

/* The serial reference on the whole (R+2) x nx grid, kept out of line. */
static __attribute__((noinline)) void reference(double *g, long R, int nx, int steps, double alpha) {
    double *h = malloc((R + 2) * nx * sizeof *h), *cur = g, *next = h;
    for (long k = 0; k < (R + 2) * nx; k++) h[k] = g[k];
    for (int s = 0; s < steps; s++) {
        for (long i = 1; i <= R; i++)
            for (int j = 1; j < nx - 1; j++) {
                long k = i * nx + j;
                next[k] = cur[k] + alpha * (cur[k - nx] + cur[k + nx] + cur[k - 1] + cur[k + 1] - 4 * cur[k]);
            }
        double *t = cur;
        cur = next;
        next = t;
    }
    if (cur != g)
        for (long k = 0; k < (R + 2) * nx; k++) g[k] = cur[k];
    free(h);
}

int main(int argc, char **argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long R = 1201;
    const int nx = 1000, steps = 75;
    const double alpha = 0.2;
    long start, count;
    block(R, size, rank, &start, &count);
    double *u = malloc((count + 2) * nx * sizeof *u);
    if (!u) MPI_Abort(MPI_COMM_WORLD, 2);
    for (long k = 0; k < count + 2; k++)
        for (int j = 0; j < nx; j++) {
            int ghost = (k == 0 && rank > 0) || (k == count + 1 && rank < size - 1);
            u[k * nx + j] = ghost ? NAN : init(start + k, j, R, nx);
        }

    double *ref = NULL, ref_time = 0.0;
    if (rank == 0) {
        ref = malloc((R + 2) * nx * sizeof *ref);
        if (!ref) MPI_Abort(MPI_COMM_WORLD, 2);
        for (long i = 0; i < R + 2; i++)
            for (int j = 0; j < nx; j++) ref[i * nx + j] = init(i, j, R, nx);
        double t0 = MPI_Wtime();
        reference(ref, R, nx, steps, alpha);
        ref_time = MPI_Wtime() - t0;
    }

#pragma omp parallel
    { /* start the thread pool before timing */ }
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    heat2d(u, nx, (int)count, steps, alpha, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int q = 0; q < size; q++) {
        long s, c;
        block(R, size, q, &s, &c);
        counts[q] = (int)(c * nx);
        displs[q] = (int)(s * nx);
    }
    double *all = rank == 0 ? malloc(R * nx * sizeof *all) : NULL;
    MPI_Gatherv(u + nx, (int)(count * nx), MPI_DOUBLE, all, counts, displs, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    int ok = 1, all_ok;
    if (rank == 0)
        for (long k = 0; k < R * nx; k++)
            if (!(fabs(all[k] - ref[nx + k]) <= 1e-11)) {
                fprintf(stderr, "wrong u at global row %ld, column %ld: got %.17g, expected %.17g\n", k / nx + 1,
                        k % nx, all[k], ref[nx + k]);
                ok = 0;
                break;
            }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(u); free(ref); free(all); free(counts); free(displs);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
