/* Driver for mpi-cg-iteration: uneven blocks; the returned r.r is checked on every rank, and x,
   r, p are gathered on rank 0 and checked with a tolerance relative to their largest entry. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double dist_cg_iteration(long n_local, double *x, double *r, double *p, double rr, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }
static double x0(long i) { return u01(i); }
static double r0(long i) { return sin(1e-5 * i) + 0.1 * (u01(i + 0x3000000000ULL) - 0.5); }
static double p0(long i) { return r0(i) + 0.05 * cos(3e-6 * i); }

/* Block distribution: rank r of p owns n/p entries, plus one if r < n % p, in rank order. */
static void block(long n, int p, int r, long *start, long *count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) double reference(long n, double *x, double *r, double *p, double rr) {
    double *q = malloc(n * sizeof *q);
    double pq = 0.0;
    for (long i = 0; i < n; i++) {
        double left = i > 0 ? p[i - 1] : 0.0, right = i < n - 1 ? p[i + 1] : 0.0;
        q[i] = 2.0 * p[i] - left - right;
        pq += p[i] * q[i];
    }
    double alpha = rr / pq, rr_new = 0.0;
    for (long i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * q[i];
        rr_new += r[i] * r[i];
    }
    double beta = rr_new / rr;
    for (long i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
    free(q);
    return rr_new;
}

static int check(const char *name, const double *got, const double *ref, long n) {
    double big = 0.0;
    for (long i = 0; i < n; i++) big = fmax(big, fabs(ref[i]));
    for (long i = 0; i < n; i++)
        if (!(fabs(got[i] - ref[i]) <= 1e-9 * big)) {
            fprintf(stderr, "wrong %s[%ld]: got %.17g, expected %.17g\n", name, i, got[i], ref[i]);
            return 0;
        }
    return 1;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 6000003;
    long start, count;
    block(n, size, rank, &start, &count);
    double *x = malloc(count * sizeof *x), *r = malloc(count * sizeof *r), *p = malloc(count * sizeof *p);
    if (!x || !r || !p) MPI_Abort(MPI_COMM_WORLD, 2);
    for (long i = 0; i < count; i++) {
        x[i] = x0(start + i);
        r[i] = r0(start + i);
        p[i] = p0(start + i);
    }

    double res[2] = {0.0, 0.0}, ref_time = 0.0; /* r.r before and after */
    double *xr = NULL, *rr_ = NULL, *pr = NULL;
    if (rank == 0) {
        xr = malloc(n * sizeof *xr);
        rr_ = malloc(n * sizeof *rr_);
        pr = malloc(n * sizeof *pr);
        if (!xr || !rr_ || !pr) MPI_Abort(MPI_COMM_WORLD, 2);
        for (long i = 0; i < n; i++) {
            xr[i] = x0(i);
            rr_[i] = r0(i);
            pr[i] = p0(i);
            res[0] += rr_[i] * rr_[i];
        }
        double t0 = MPI_Wtime();
        res[1] = reference(n, xr, rr_, pr, res[0]);
        ref_time = MPI_Wtime() - t0;
    }
    MPI_Bcast(res, 2, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    double got = dist_cg_iteration(count, x, r, p, res[0], MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = fabs(got - res[1]) <= 1e-9 * res[1], all_ok;
    if (!ok) fprintf(stderr, "rank %d: wrong return value (new r.r): got %.17g, expected %.17g\n", rank, got, res[1]);
    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int q = 0; q < size; q++) {
        long s, c;
        block(n, size, q, &s, &c);
        counts[q] = (int)c;
        displs[q] = (int)s;
    }
    double *all = rank == 0 ? malloc(n * sizeof *all) : NULL;
    double *mine_v[3] = {x, r, p}, *ref_v[3] = {xr, rr_, pr};
    const char *names[3] = {"x", "r", "p"};
    for (int v = 0; v < 3; v++) {
        MPI_Gatherv(mine_v[v], (int)count, MPI_DOUBLE, all, counts, displs, MPI_DOUBLE, 0, MPI_COMM_WORLD);
        if (rank == 0 && ok && !check(names[v], all, ref_v[v], n)) ok = 0;
    }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(x); free(r); free(p); free(xr); free(rr_); free(pr); free(all); free(counts); free(displs);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
