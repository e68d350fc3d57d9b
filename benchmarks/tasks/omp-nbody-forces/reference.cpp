#include <cmath>
#include <vector>

void nbody_forces(const std::vector<double>& pos, const std::vector<double>& mass, std::vector<double>& force) {
    const long n = static_cast<long>(mass.size());
    const double eps2 = 0.01 * 0.01;
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) {
        const double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
        double fx = 0.0, fy = 0.0, fz = 0.0;
        for (long j = 0; j < n; j++) {
            if (j == i) continue;
            const double dx = pos[3 * j] - xi, dy = pos[3 * j + 1] - yi, dz = pos[3 * j + 2] - zi;
            const double r2 = dx * dx + dy * dy + dz * dz + eps2;
            const double s = mass[j] / (r2 * std::sqrt(r2));
            fx += s * dx;
            fy += s * dy;
            fz += s * dz;
        }
        force[3 * i] = mass[i] * fx;
        force[3 * i + 1] = mass[i] * fy;
        force[3 * i + 2] = mass[i] * fz;
    }
}
