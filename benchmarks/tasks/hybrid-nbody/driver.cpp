// Driver for hybrid-nbody: uneven numbers of bodies per rank; all forces are gathered on rank 0
// and every component checked with a tolerance scaled by the sum of the magnitudes of its terms.
#include <mpi.h>
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

void nbody_forces_dist(const std::vector<double>& pos_local, const std::vector<double>& mass_local,
                       std::vector<double>& force_local, MPI_Comm comm);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }
static double pos0(long i, int c) { return 2.0 * u01(3 * i + c) - 1.0; }
static double mass0(long i) { return 0.5 + u01(i + 0x4D4D0000ULL); }

// Block distribution: rank r of p owns n/p bodies, plus one if r < n % p, in rank order.
static void block(long n, int p, int r, long* start, long* count) {
    long q = n / p, rem = n % p;
    *count = q + (r < rem);
    *start = r * q + (r < rem ? r : rem);
}

// The serial reference, kept out of line so that it is compiled like an ordinary function.
static __attribute__((noinline)) void reference(const double* pos, const double* m, double* f, double* mag, long n,
                                                bool magnitudes) {
    const double eps2 = 1e-4;
    for (long i = 0; i < n; i++) {
        double fx = 0.0, fy = 0.0, fz = 0.0;
        for (long j = 0; j < n; j++) {
            if (j == i) continue;
            double dx = pos[3 * j] - pos[3 * i], dy = pos[3 * j + 1] - pos[3 * i + 1], dz = pos[3 * j + 2] - pos[3 * i + 2];
            double r2 = dx * dx + dy * dy + dz * dz + eps2;
            double s = m[i] * m[j] / (r2 * std::sqrt(r2));
            if (magnitudes) {
                fx += std::fabs(s * dx);
                fy += std::fabs(s * dy);
                fz += std::fabs(s * dz);
            } else {
                fx += s * dx;
                fy += s * dy;
                fz += s * dz;
            }
        }
        double* out = magnitudes ? mag : f;
        out[3 * i] = fx;
        out[3 * i + 1] = fy;
        out[3 * i + 2] = fz;
    }
}

int main(int argc, char** argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const long n = 4001;
    long start, count;
    block(n, size, rank, &start, &count);
    std::vector<double> pos(3 * count), mass(count), force(3 * count, NAN);
    for (long i = 0; i < count; i++) {
        for (int c = 0; c < 3; c++) pos[3 * i + c] = pos0(start + i, c);
        mass[i] = mass0(start + i);
    }

    std::vector<double> ref, mag;
    double ref_time = 0.0;
    if (rank == 0) {
        std::vector<double> P(3 * n), M(n);
        ref.resize(3 * n);
        mag.resize(3 * n);
        for (long i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) P[3 * i + c] = pos0(i, c);
            M[i] = mass0(i);
        }
        reference(P.data(), M.data(), nullptr, mag.data(), n, true);
        double t0 = MPI_Wtime();
        reference(P.data(), M.data(), ref.data(), nullptr, n, false);
        ref_time = MPI_Wtime() - t0;
    }

#pragma omp parallel
    { /* start the thread pool before timing */ }
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    nbody_forces_dist(pos, mass, force, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = force.size() == (size_t)(3 * count), all_ok;
    if (!ok) std::fprintf(stderr, "rank %d: force_local was resized to %zu\n", rank, force.size());
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (ok) {
        std::vector<int> counts(size), displs(size);
        for (int q = 0; q < size; q++) {
            long s, c;
            block(n, size, q, &s, &c);
            counts[q] = (int)(3 * c);
            displs[q] = (int)(3 * s);
        }
        std::vector<double> all(rank == 0 ? 3 * n : 1);
        MPI_Gatherv(force.data(), (int)(3 * count), MPI_DOUBLE, all.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
        if (rank == 0)
            for (long k = 0; k < 3 * n; k++)
                if (!(std::fabs(all[k] - ref[k]) <= 1e-10 * mag[k])) {
                    std::fprintf(stderr, "wrong force on body %ld, component %ld: got %.17g, expected %.17g\n", k / 3,
                                 k % 3, all[k], ref[k]);
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
