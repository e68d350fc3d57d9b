// Driver for omp-saxpy: every element of y is checked.
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

void saxpy(float a, const std::vector<float>& x, std::vector<float>& y);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static float uf(unsigned long long i) { return (float)(mix64(i) >> 40) * (1.0f / 16777216.0f); }

// The serial reference, kept out of line so that it is compiled like an ordinary function.
static __attribute__((noinline)) void reference(float a, const float* x, float* y, long n) {
    for (long i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}

int main() {
    const long n = 40000001;
    const float a = 2.5f;
    std::vector<float> x(n), y(n), ref(n);
#pragma omp parallel for
    for (long i = 0; i < n; i++) {
        x[i] = 4.0f * uf(i) - 2.0f;
        y[i] = ref[i] = 1.0f + uf(i + 0x9999ULL);
    }

    double t0 = omp_get_wtime();
    reference(a, x.data(), ref.data(), n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    saxpy(a, x, y);
    double time = omp_get_wtime() - t0;

    if (y.size() != (size_t)n) {
        std::fprintf(stderr, "y was resized to %zu\n", y.size());
        return 1;
    }
    for (long i = 0; i < n; i++) {
        // one multiply-add in float: allow a fused multiply-add
        if (!(std::fabs(y[i] - ref[i]) <= 1e-6f * (std::fabs(a * x[i]) + std::fabs(ref[i] - a * x[i]) + 1e-30f))) {
            std::fprintf(stderr, "wrong y[%ld]: got %.9g, expected %.9g\n", i, y[i], ref[i]);
            return 1;
        }
    }
    std::printf("time: %.6f\n", time);
    std::printf("ref_time: %.6f\n", ref_time);
    return 0;
}
