// Driver for omp-nbody-forces: every force component is checked with a tolerance scaled by the
// sum of the magnitudes of its terms.
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

void nbody_forces(const std::vector<double>& pos, const std::vector<double>& mass, std::vector<double>& force);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

// The serial reference, kept out of line so that it is compiled like an ordinary function.
static __attribute__((noinline)) void reference(const double* pos, const double* m, double* f, long n) {
    const double eps2 = 1e-4;
    for (long i = 0; i < n; i++) {
        double fx = 0.0, fy = 0.0, fz = 0.0;
        for (long j = 0; j < n; j++) {
            if (j == i) continue;
            double dx = pos[3 * j] - pos[3 * i], dy = pos[3 * j + 1] - pos[3 * i + 1], dz = pos[3 * j + 2] - pos[3 * i + 2];
            double r2 = dx * dx + dy * dy + dz * dz + eps2;
            double s = m[i] * m[j] / (r2 * std::sqrt(r2));
            fx += s * dx;
            fy += s * dy;
            fz += s * dz;
        }
        f[3 * i] = fx;
        f[3 * i + 1] = fy;
        f[3 * i + 2] = fz;
    }
}

// Per component, the sum of |term| (untimed; for the tolerance).
static void magnitudes(const double* pos, const double* m, double* mag, long n) {
    const double eps2 = 1e-4;
    for (long i = 0; i < n; i++) {
        double ax = 0.0, ay = 0.0, az = 0.0;
        for (long j = 0; j < n; j++) {
            if (j == i) continue;
            double dx = pos[3 * j] - pos[3 * i], dy = pos[3 * j + 1] - pos[3 * i + 1], dz = pos[3 * j + 2] - pos[3 * i + 2];
            double r2 = dx * dx + dy * dy + dz * dz + eps2;
            double s = m[i] * m[j] / (r2 * std::sqrt(r2));
            ax += std::fabs(s * dx);
            ay += std::fabs(s * dy);
            az += std::fabs(s * dz);
        }
        mag[3 * i] = ax;
        mag[3 * i + 1] = ay;
        mag[3 * i + 2] = az;
    }
}

int main() {
    const long n = 5001;
    std::vector<double> pos(3 * n), mass(n), force(3 * n, NAN), ref(3 * n), mag(3 * n);
    for (long i = 0; i < n; i++) {
        for (int c = 0; c < 3; c++) pos[3 * i + c] = 2.0 * u01(3 * i + c) - 1.0;
        mass[i] = 0.5 + u01(i + 0x4D4D0000ULL);
    }
    magnitudes(pos.data(), mass.data(), mag.data(), n);

    double t0 = omp_get_wtime();
    reference(pos.data(), mass.data(), ref.data(), n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    nbody_forces(pos, mass, force);
    double time = omp_get_wtime() - t0;

    if (force.size() != (size_t)(3 * n)) {
        std::fprintf(stderr, "force was resized to %zu\n", force.size());
        return 1;
    }
    for (long k = 0; k < 3 * n; k++) {
        if (!(std::fabs(force[k] - ref[k]) <= 1e-10 * mag[k])) {
            std::fprintf(stderr, "wrong force on body %ld, component %ld: got %.17g, expected %.17g\n", k / 3, k % 3, force[k], ref[k]);
            return 1;
        }
    }
    std::printf("time: %.6f\n", time);
    std::printf("ref_time: %.6f\n", ref_time);
    return 0;
}
