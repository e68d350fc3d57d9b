// Driver for mpi-histogram: no value lies near a bin edge (so any correct way of computing the
// bin gives the same answer); rank 0's counts are checked exactly.
#include <mpi.h>
#include <cstdio>
#include <vector>

std::vector<long> dist_histogram(const std::vector<double>& local, double lo, double hi, int nbins, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static const double LO = -3.0, HI = 5.0;
static const int NBINS = 100;
// a value in bin b, in the middle 80% of the bin; low bins are more frequent
static double value(long i) {
    unsigned long long h = mix64((unsigned long long)i);
    int b = (int)(h % NBINS);
    if ((h >> 20) & 1) b /= 3;
    double frac = 0.1 + 0.8 * (double)(h >> 40) / 16777216.0;
    return LO + (b + frac) * (HI - LO) / NBINS;
}

// Block distribution: rank r of p owns n/p values, plus one if r < n % p, in rank order.
static void block(long n, int p, int r, long* start, long* count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

// The serial reference, kept out of line so that it is compiled like an ordinary function.
static __attribute__((noinline)) void reference(const double* v, long n, double lo, double hi, int nbins, long* bins) {
    for (int b = 0; b < nbins; b++) bins[b] = 0;
    for (long i = 0; i < n; i++) bins[(int)((v[i] - lo) / (hi - lo) * nbins)]++;
}

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 30000007;
    long start, count;
    block(n, size, rank, &start, &count);
    std::vector<double> local(count);
    for (long i = 0; i < count; i++) local[i] = value(start + i);

    std::vector<long> ref(NBINS);
    double ref_time = 0.0;
    if (rank == 0) {
        std::vector<double> all(n);
        for (long i = 0; i < n; i++) all[i] = value(i);
        double t0 = MPI_Wtime();
        reference(all.data(), n, LO, HI, NBINS, ref.data());
        ref_time = MPI_Wtime() - t0;
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    std::vector<long> got = dist_histogram(local, LO, HI, NBINS, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = 1, all_ok;
    if (rank == 0) {
        if (got.size() != (size_t)NBINS) {
            std::fprintf(stderr, "rank 0: wrong number of bins: got %zu, expected %d\n", got.size(), NBINS);
            ok = 0;
        }
        for (int b = 0; b < NBINS && ok; b++)
            if (got[b] != ref[b]) {
                std::fprintf(stderr, "rank 0: wrong count in bin %d: got %ld, expected %ld\n", b, got[b], ref[b]);
                ok = 0;
            }
    }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        std::printf("time: %.6f\n", time);
        std::printf("ref_time: %.6f\n", ref_time);
    }
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
