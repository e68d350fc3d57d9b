// Bug: only the bodies of the own rank are taken into account (the positions and masses of the
// other ranks are never gathered).
#include <mpi.h>
#include <cmath>
#include <vector>

void nbody_forces_dist(const std::vector<double>& pos_local, const std::vector<double>& mass_local,
                       std::vector<double>& force_local, MPI_Comm comm) {
    (void)comm;
    const long n = (long)mass_local.size();
    const double eps = 0.01;
#pragma omp parallel for
    for (long i = 0; i < n; i++) {
        double f[3] = {0, 0, 0};
        for (long j = 0; j < n; j++) {
            if (i == j) continue;
            double d[3], r2 = eps * eps;
            for (int c = 0; c < 3; c++) {
                d[c] = pos_local[3 * j + c] - pos_local[3 * i + c];
                r2 += d[c] * d[c];
            }
            double s = mass_local[i] * mass_local[j] / std::pow(r2, 1.5);
            for (int c = 0; c < 3; c++) f[c] += s * d[c];
        }
        for (int c = 0; c < 3; c++) force_local[3 * i + c] = f[c];
    }
}
