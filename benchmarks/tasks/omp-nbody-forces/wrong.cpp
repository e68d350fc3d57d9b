// Bug: computes the acceleration (forgets the factor m_i).
#include <cmath>
#include <vector>

void nbody_forces(const std::vector<double>& pos, const std::vector<double>& mass, std::vector<double>& force) {
    const long n = static_cast<long>(mass.size());
    const double eps = 0.01;
#pragma omp parallel for
    for (long i = 0; i < n; i++) {
        double f[3] = {0.0, 0.0, 0.0};
        for (long j = 0; j < n; j++) {
            if (j == i) continue;
            double d[3], r2 = eps * eps;
            for (int c = 0; c < 3; c++) {
                d[c] = pos[3 * j + c] - pos[3 * i + c];
                r2 += d[c] * d[c];
            }
            double s = mass[j] / std::pow(r2, 1.5);
            for (int c = 0; c < 3; c++) f[c] += s * d[c];
        }
        for (int c = 0; c < 3; c++) force[3 * i + c] = f[c];
    }
}
