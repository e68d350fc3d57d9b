// Driver for omp-matmul: C starts out holding garbage; every element is checked with a
// tolerance scaled by sum_k |A_ik B_kj| <= n (entries are in [-1, 1]).
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

void matmul(const std::vector<double>& A, const std::vector<double>& B, std::vector<double>& C, int n);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

// The serial reference (i-k-j loop order), kept out of line.
static __attribute__((noinline)) void reference(const double* A, const double* B, double* C, int n) {
    for (long k = 0; k < (long)n * n; k++) C[k] = 0.0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            const double a = A[(long)i * n + k];
            for (int j = 0; j < n; j++) C[(long)i * n + j] += a * B[(long)k * n + j];
        }
}

int main() {
    const int n = 560;
    const long nn = (long)n * n;
    std::vector<double> A(nn), B(nn), C(nn, 12345.0), ref(nn);
    for (long k = 0; k < nn; k++) {
        A[k] = 2.0 * u01(k) - 1.0;
        B[k] = 2.0 * u01(k + 0x77777777ULL) - 1.0;
    }

    double t0 = omp_get_wtime();
    reference(A.data(), B.data(), ref.data(), n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    matmul(A, B, C, n);
    double time = omp_get_wtime() - t0;

    if (C.size() != (size_t)nn) {
        std::fprintf(stderr, "C was resized to %zu\n", C.size());
        return 1;
    }
    for (long k = 0; k < nn; k++) {
        if (!(std::fabs(C[k] - ref[k]) <= 1e-10 * n)) {
            std::fprintf(stderr, "wrong C[%ld][%ld]: got %.17g, expected %.17g\n", k / n, k % n, C[k], ref[k]);
            return 1;
        }
    }
    std::printf("time: %.6f\n", time);
    std::printf("ref_time: %.6f\n", ref_time);
    return 0;
}
