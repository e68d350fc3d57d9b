// Driver for mpi-global-max: all values negative, the maximum in the last rank's block.
#include <mpi.h>
#include <cstdio>
#include <vector>

double global_max(const std::vector<double>& local, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double value(long i, long n) {
    if (i == n - 3) return -0.25;  // the maximum
    return -1.0 - 1000.0 * (double)(mix64((unsigned long long)i) >> 11) * (1.0 / 9007199254740992.0);
}

// Block distribution: rank r of p owns n/p elements, plus one if r < n % p, in rank order.
static void block(long n, int p, int r, long* start, long* count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

// The serial reference, kept out of line so that it is compiled like an ordinary function.
static __attribute__((noinline)) double reference(const double* a, long n) {
    double m = a[0];
    for (long i = 1; i < n; i++)
        if (a[i] > m) m = a[i];
    return m;
}

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 40000003;
    long start, count;
    block(n, size, rank, &start, &count);
    std::vector<double> local(count);
    for (long i = 0; i < count; i++) local[i] = value(start + i, n);

    double ref = 0.0, ref_time = 0.0;
    if (rank == 0) {  // serial reference over the whole array
        std::vector<double> all(n);
        double sink = 0.0;
        for (long i = 0; i < n; i++) sink += (all[i] = value(i, n));
        if (sink > 0.0) MPI_Abort(MPI_COMM_WORLD, 2);
        double t0 = MPI_Wtime();
        ref = reference(all.data(), n);
        ref_time = MPI_Wtime() - t0;
    }
    MPI_Bcast(&ref, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    double got = global_max(local, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = got == ref, all_ok;
    if (!ok) std::fprintf(stderr, "rank %d: wrong maximum: got %.17g, expected %.17g\n", rank, got, ref);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        std::printf("time: %.6f\n", time);
        std::printf("ref_time: %.6f\n", ref_time);
    }
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
