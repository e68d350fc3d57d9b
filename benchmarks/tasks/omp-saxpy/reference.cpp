#include <vector>

void saxpy(float a, const std::vector<float>& x, std::vector<float>& y) {
    const long n = static_cast<long>(y.size());
#pragma omp parallel for simd
    for (long i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}
