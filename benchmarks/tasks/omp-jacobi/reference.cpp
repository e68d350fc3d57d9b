#include <vector>

void jacobi(std::vector<double>& u, const std::vector<double>& f, int n, int iters) {
    const double h2 = 1.0 / (n - 1) / (n - 1);
    std::vector<double> v(u);  // same border values as u
    const double* fp = f.data();
    double* result = u.data();
#pragma omp parallel
    {
    double* cur = u.data();  // private to every thread: each one swaps its own copies
    double* next = v.data();
    for (int it = 0; it < iters; it++) {
#pragma omp for schedule(static)
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < n - 1; j++) {
                const long k = (long)i * n + j;
                next[k] = (cur[k - n] + cur[k + n] + cur[k - 1] + cur[k + 1] + h2 * fp[k]) / 4;
            }
        // the implicit barrier above ends the sweep before anyone swaps
        std::swap(cur, next);
    }
#pragma omp single
    result = cur;
    }
    if (result != u.data()) u.swap(v);
}
