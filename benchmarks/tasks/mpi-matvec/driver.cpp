// Driver for mpi-matvec: n is not divisible by 2 or 4; y is gathered on rank 0 and every entry
// checked with a tolerance scaled by sum_j |A_ij x_j|.
#include <mpi.h>
#include <cmath>
#include <cstdio>
#include <vector>

void dist_matvec(const std::vector<double>& A_local, const std::vector<double>& x_local, std::vector<double>& y_local,
                 int n, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }
static double a_val(long i, long j, long n) { return 2.0 * u01(i * n + j) - 1.0; }
static double x_val(long j) { return 2.0 * u01(j + 0x700000000000ULL) - 1.0; }

// Block distribution: rank r of p owns n/p rows, plus one if r < n % p, in rank order.
static void block(long n, int p, int r, long* start, long* count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

// The serial reference, kept out of line so that it is compiled like an ordinary function.
static __attribute__((noinline)) void reference(const double* A, const double* x, double* y, int n) {
    for (int i = 0; i < n; i++) {
        double s = 0.0;
        for (int j = 0; j < n; j++) s += A[(long)i * n + j] * x[j];
        y[i] = s;
    }
}

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const int n = 6007;
    long start, count;
    block(n, size, rank, &start, &count);
    std::vector<double> A_local(count * n), x_local(count), y_local(count, NAN);
    for (long i = 0; i < count; i++) {
        for (long j = 0; j < n; j++) A_local[i * n + j] = a_val(start + i, j, n);
        x_local[i] = x_val(start + i);
    }

    std::vector<double> ref, mag;
    double ref_time = 0.0;
    if (rank == 0) {  // serial reference over the whole matrix
        std::vector<double> A((long)n * n), x(n);
        ref.resize(n);
        mag.resize(n);
        for (long j = 0; j < n; j++) x[j] = x_val(j);
        for (long i = 0; i < n; i++) {
            double s = 0.0;
            for (long j = 0; j < n; j++) {
                A[i * n + j] = a_val(i, j, n);
                s += std::fabs(A[i * n + j] * x[j]);
            }
            mag[i] = s;
        }
        double t0 = MPI_Wtime();
        reference(A.data(), x.data(), ref.data(), n);
        ref_time = MPI_Wtime() - t0;
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    dist_matvec(A_local, x_local, y_local, n, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = y_local.size() == (size_t)count, all_ok;
    if (!ok) std::fprintf(stderr, "rank %d: y_local was resized to %zu\n", rank, y_local.size());
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (ok) {
        std::vector<int> counts(size), displs(size);
        for (int r = 0; r < size; r++) {
            long s, c;
            block(n, size, r, &s, &c);
            counts[r] = (int)c;
            displs[r] = (int)s;
        }
        std::vector<double> y(rank == 0 ? n : 1);
        MPI_Gatherv(y_local.data(), (int)count, MPI_DOUBLE, y.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
        if (rank == 0)
            for (int i = 0; i < n; i++)
                if (!(std::fabs(y[i] - ref[i]) <= 1e-10 * mag[i])) {
                    std::fprintf(stderr, "wrong y[%d]: got %.17g, expected %.17g\n", i, y[i], ref[i]);
                    ok = 0;
                    break;
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
