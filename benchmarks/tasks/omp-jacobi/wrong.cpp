// Bug: swaps the two buffers every iteration but forgets that after an odd number of
// iterations the result is in the scratch buffer, not in u.
#include <utility>
#include <vector>

void jacobi(std::vector<double>& u, const std::vector<double>& f, int n, int iters) {
    const double h2 = 1.0 / (n - 1) / (n - 1);
    std::vector<double> tmp(u);
    double* cur = u.data();
    double* next = tmp.data();
    for (int it = 0; it < iters; it++) {
#pragma omp parallel for
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < n - 1; j++) {
                long k = (long)i * n + j;
                next[k] = 0.25 * (cur[k - n] + cur[k + n] + cur[k - 1] + cur[k + 1] + h2 * f[k]);
            }
        std::swap(cur, next);
    }
}
