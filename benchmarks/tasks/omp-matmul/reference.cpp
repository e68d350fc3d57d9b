#include <vector>

void matmul(const std::vector<double>& A, const std::vector<double>& B, std::vector<double>& C, int n) {
#pragma omp parallel for schedule(static)
    for (int i = 0; i < n; i++) {
        double* c = &C[(long)i * n];
        for (int j = 0; j < n; j++) c[j] = 0.0;
        for (int k = 0; k < n; k++) {
            const double a = A[(long)i * n + k];
            const double* b = &B[(long)k * n];
            for (int j = 0; j < n; j++) c[j] += a * b[j];
        }
    }
}
