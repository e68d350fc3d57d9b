// Driver for omp-jacobi: an odd number of iterations (so a buffer swap that forgets to copy back
// shows), a non-trivial border, every point checked relative to the largest |u|.
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

void jacobi(std::vector<double>& u, const std::vector<double>& f, int n, int iters);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

// The serial reference, kept out of line so that it is compiled like an ordinary function.
static __attribute__((noinline)) void reference(double* u, const double* f, int n, int iters) {
    const double h2 = 1.0 / (n - 1) / (n - 1);
    std::vector<double> v(u, u + (long)n * n);
    double *cur = u, *next = v.data();
    for (int it = 0; it < iters; it++) {
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < n - 1; j++) {
                long k = (long)i * n + j;
                next[k] = (cur[k - n] + cur[k + n] + cur[k - 1] + cur[k + 1] + h2 * f[k]) / 4;
            }
        std::swap(cur, next);
    }
    if (cur != u)
        for (long k = 0; k < (long)n * n; k++) u[k] = cur[k];
}

int main() {
    const int n = 801, iters = 81;
    const long nn = (long)n * n;
    std::vector<double> u(nn), f(nn), ref;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            long k = (long)i * n + j;
            bool border = i == 0 || j == 0 || i == n - 1 || j == n - 1;
            u[k] = border ? 1.0 + std::sin(0.01 * i) + 0.5 * std::cos(0.02 * j) : u01(k);
            f[k] = 50.0 * (u01(k + 0x5000000ULL) - 0.3);
        }
    ref = u;

    double t0 = omp_get_wtime();
    reference(ref.data(), f.data(), n, iters);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    jacobi(u, f, n, iters);
    double time = omp_get_wtime() - t0;

    if (u.size() != (size_t)nn) {
        std::fprintf(stderr, "u was resized to %zu\n", u.size());
        return 1;
    }
    double umax = 0.0;
    for (long k = 0; k < nn; k++) umax = std::fmax(umax, std::fabs(ref[k]));
    for (long k = 0; k < nn; k++) {
        if (!(std::fabs(u[k] - ref[k]) <= 1e-11 * umax)) {
            std::fprintf(stderr, "wrong u(%ld, %ld): got %.17g, expected %.17g\n", k / n, k % n, u[k], ref[k]);
            return 1;
        }
    }
    std::printf("time: %.6f\n", time);
    std::printf("ref_time: %.6f\n", ref_time);
    return 0;
}
