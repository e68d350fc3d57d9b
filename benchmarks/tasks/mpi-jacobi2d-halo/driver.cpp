// Driver for mpi-jacobi2d-halo: uneven row blocks; interior ghost rows start as NaN, so they
// must be received from the neighbours; all own rows are gathered on rank 0 and checked.
#include <mpi.h>
#include <cmath>
#include <cstdio>
#include <vector>

void jacobi2d(std::vector<double>& u, int nx, int local_rows, int iters, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

// Initial value of global grid point (i, j); rows 0 and R+1, columns 0 and nx-1 are boundary.
static double init(long i, long j, long R, long nx) {
    if (i == 0) return 1.0 + std::sin(0.01 * j);
    if (i == R + 1) return -0.5;
    if (j == 0) return 0.3 + 0.001 * i;
    if (j == nx - 1) return std::cos(0.004 * i);
    return u01(i * nx + j);
}

// Block distribution of the R interior rows: rank r of p owns R/p, plus one if r < R % p.
static void block(long n, int p, int r, long* start, long* count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

// The serial reference on the whole (R+2) x nx grid, kept out of line.
static __attribute__((noinline)) void reference(double* g, long R, int nx, int iters) {
    std::vector<double> h(g, g + (R + 2) * nx);
    double *cur = g, *next = h.data();
    for (int it = 0; it < iters; it++) {
        for (long i = 1; i <= R; i++)
            for (int j = 1; j < nx - 1; j++) {
                long k = i * nx + j;
                next[k] = (cur[k - nx] + cur[k + nx] + cur[k - 1] + cur[k + 1]) / 4;
            }
        std::swap(cur, next);
    }
    if (cur != g)
        for (long k = 0; k < (R + 2) * nx; k++) g[k] = cur[k];
}

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long R = 1203;  // interior rows of the global grid
    const int nx = 1000, iters = 75;
    long start, count;
    block(R, size, rank, &start, &count);
    // local row k is global row start + k (k = 0 .. count + 1)
    std::vector<double> u((count + 2) * nx);
    for (long k = 0; k < count + 2; k++)
        for (int j = 0; j < nx; j++) {
            long gi = start + k;
            bool ghost = (k == 0 && rank > 0) || (k == count + 1 && rank < size - 1);
            u[k * nx + j] = ghost ? NAN : init(gi, j, R, nx);
        }

    std::vector<double> ref;
    double ref_time = 0.0;
    if (rank == 0) {
        ref.resize((R + 2) * nx);
        for (long i = 0; i < R + 2; i++)
            for (int j = 0; j < nx; j++) ref[i * nx + j] = init(i, j, R, nx);
        double t0 = MPI_Wtime();
        reference(ref.data(), R, nx, iters);
        ref_time = MPI_Wtime() - t0;
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    jacobi2d(u, nx, (int)count, iters, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = u.size() == (size_t)((count + 2) * nx), all_ok;
    if (!ok) std::fprintf(stderr, "rank %d: u was resized to %zu\n", rank, u.size());
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (ok) {
        std::vector<int> counts(size), displs(size);
        for (int q = 0; q < size; q++) {
            long s, c;
            block(R, size, q, &s, &c);
            counts[q] = (int)(c * nx);
            displs[q] = (int)(s * nx);
        }
        std::vector<double> all(rank == 0 ? R * nx : 1);
        MPI_Gatherv(&u[nx], (int)(count * nx), MPI_DOUBLE, all.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
        if (rank == 0)
            for (long k = 0; k < R * nx; k++)
                if (!(std::fabs(all[k] - ref[nx + k]) <= 1e-11)) {
                    std::fprintf(stderr, "wrong u at global row %ld, column %ld: got %.17g, expected %.17g\n",
                                 k / nx + 1, k % nx, all[k], ref[nx + k]);
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
