// Driver for hybrid-norm: uneven blocks, result checked on every rank.
#include <mpi.h>
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

double global_norm(const std::vector<double>& local, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double value(long i) { return 4.0 * (double)(mix64((unsigned long long)i) >> 11) * (1.0 / 9007199254740992.0) - 2.0; }

// Block distribution: rank r of p owns n/p entries, plus one if r < n % p, in rank order.
static void block(long n, int p, int r, long* start, long* count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

// The serial reference, kept out of line so that it is compiled like an ordinary function.
static __attribute__((noinline)) double reference(const double* a, long n) {
    double s = 0.0;
    for (long i = 0; i < n; i++) s += a[i] * a[i];
    return std::sqrt(s);
}

int main(int argc, char** argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 40000003;
    long start, count;
    block(n, size, rank, &start, &count);
    std::vector<double> local(count);
#pragma omp parallel for
    for (long i = 0; i < count; i++) local[i] = value(start + i);

    double ref = 0.0, ref_time = 0.0;
    if (rank == 0) {
        std::vector<double> all(n);
#pragma omp parallel for
        for (long i = 0; i < n; i++) all[i] = value(i);
        double t0 = MPI_Wtime();
        ref = reference(all.data(), n);
        ref_time = MPI_Wtime() - t0;
    }
    MPI_Bcast(&ref, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD);

#pragma omp parallel
    { /* start the thread pool before timing */ }
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    double got = global_norm(local, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = std::fabs(got - ref) <= 1e-10 * ref, all_ok;
    if (!ok) std::fprintf(stderr, "rank %d: wrong norm: got %.17g, expected %.17g\n", rank, got, ref);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        std::printf("time: %.6f\n", time);
        std::printf("ref_time: %.6f\n", ref_time);
    }
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
