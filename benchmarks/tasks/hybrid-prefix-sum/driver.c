/* Driver for hybrid-prefix-sum: uneven blocks; the whole result is gathered on rank 0 and
   checked exactly. */
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void dist_prefix_sum(const long *in, long *out, long n_local, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static long value(long i) { return (long)(mix64((unsigned long long)i) % 2001) - 900; }

/* Block distribution: rank r of p owns n/p elements, plus one if r < n % p, in rank order. */
static void block(long n, int p, int r, long *start, long *count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(const long *in, long *out, long n) {
    long s = 0;
    for (long i = 0; i < n; i++) {
        s += in[i];
        out[i] = s;
    }
}

int main(int argc, char **argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 30000001;
    long start, count;
    block(n, size, rank, &start, &count);
    long *in = malloc(count * sizeof *in), *out = malloc(count * sizeof *out);
    if (!in || !out) MPI_Abort(MPI_COMM_WORLD, 2);
#pragma omp parallel for
    for (long i = 0; i < count; i++) {
        in[i] = value(start + i);
        out[i] = -1;
    }

    long *ref = NULL;
    double ref_time = 0.0;
    if (rank == 0) {
        long *all = malloc(n * sizeof *all);
        ref = malloc(n * sizeof *ref);
        if (!all || !ref) MPI_Abort(MPI_COMM_WORLD, 2);
#pragma omp parallel for
        for (long i = 0; i < n; i++) {
            all[i] = value(i);
            ref[i] = 0;
        }
        double t0 = MPI_Wtime();
        reference(all, ref, n);
        ref_time = MPI_Wtime() - t0;
        free(all);
    }

#pragma omp parallel
    { /* start the thread pool before timing */ }
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    dist_prefix_sum(in, out, count, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int q = 0; q < size; q++) {
        long s, c;
        block(n, size, q, &s, &c);
        counts[q] = (int)c;
        displs[q] = (int)s;
    }
    long *all = rank == 0 ? malloc(n * sizeof *all) : NULL;
    MPI_Gatherv(out, (int)count, MPI_LONG, all, counts, displs, MPI_LONG, 0, MPI_COMM_WORLD);
    int ok = 1, all_ok;
    if (rank == 0)
        for (long i = 0; i < n; i++)
            if (all[i] != ref[i]) {
                fprintf(stderr, "wrong out at global index %ld: got %ld, expected %ld\n", i, all[i], ref[i]);
                ok = 0;
                break;
            }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(in); free(out); free(ref); free(all); free(counts); free(displs);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
