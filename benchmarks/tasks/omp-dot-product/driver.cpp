// Driver for omp-dot-product.
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

double dot(const std::vector<double>& x, const std::vector<double>& y);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

// The serial reference, kept out of line so that it is compiled like an ordinary function.
static __attribute__((noinline)) double reference(const double* x, const double* y, long n) {
    double s = 0.0;
    for (long i = 0; i < n; i++) s += x[i] * y[i];
    return s;
}

int main() {
    const long n = 20000003;
    std::vector<double> x(n), y(n);
#pragma omp parallel for
    for (long i = 0; i < n; i++) {
        x[i] = 2.0 * u01(i) - 1.0;
        y[i] = 0.5 + u01(i + 0x1234567ULL);
    }

    // tolerance scale; also a first pass over the fresh memory, so the timed loops are not
    // charged for it
    double scale = 0.0;
    for (long i = 0; i < n; i++) scale += std::fabs(x[i] * y[i]);

    double t0 = omp_get_wtime();
    double ref = reference(x.data(), y.data(), n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    double got = dot(x, y);
    double time = omp_get_wtime() - t0;

    if (!(std::fabs(got - ref) <= 1e-10 * scale)) {
        std::fprintf(stderr, "wrong dot product: got %.17g, expected %.17g\n", got, ref);
        return 1;
    }
    std::printf("time: %.6f\n", time);
    std::printf("ref_time: %.6f\n", ref_time);
    return 0;
}
