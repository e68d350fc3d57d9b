// Bug: accumulates into C without clearing it first.
#include <vector>

void matmul(const std::vector<double>& A, const std::vector<double>& B, std::vector<double>& C, int n) {
#pragma omp parallel for
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++) C[(long)i * n + j] += A[(long)i * n + k] * B[(long)k * n + j];
}
