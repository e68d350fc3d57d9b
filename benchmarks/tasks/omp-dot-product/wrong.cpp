// Bug: accumulates in single precision.
#include <vector>

double dot(const std::vector<double>& x, const std::vector<double>& y) {
    const long n = static_cast<long>(x.size());
    float s = 0.0f;
#pragma omp parallel for reduction(+ : s)
    for (long i = 0; i < n; i++) s += x[i] * y[i];
    return s;
}
