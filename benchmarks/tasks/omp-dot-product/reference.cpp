#include <vector>

double dot(const std::vector<double>& x, const std::vector<double>& y) {
    const long n = static_cast<long>(x.size());
    double s = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (long i = 0; i < n; i++) s += x[i] * y[i];
    return s;
}
