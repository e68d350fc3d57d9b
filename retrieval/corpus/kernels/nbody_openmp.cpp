/*---
id: kern-nbody-openmp
title: Direct n-body force computation parallelised over bodies with OpenMP
descriptions:
  - parallelize an n-body simulation with OpenMP
  - O(n^2) all-pairs gravity loop with threads and no atomics
  - speed up the force loop of a particle simulation
api: openmp
lang: c++
constructs: [parallel for, schedule(static), std::vector]
pattern: n-body
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

struct P { double x, y, z, vx, vy, vz, m; };
const double EPS2 = 1e-4, DT = 1e-3;

// One kick-drift step.  Each body i only writes its own acceleration, so the
// i loop can be split among threads; the j loop reads every position.  (The
// "use Newton's third law and update j too" trick would create races.)
static void step(std::vector<P> &b, std::vector<double> &acc, bool parallel) {
    const int n = static_cast<int>(b.size());
#pragma omp parallel for schedule(static) if (parallel)
    for (int i = 0; i < n; i++) {
        double sx = 0, sy = 0, sz = 0;
        for (int j = 0; j < n; j++) {
            double dx = b[j].x - b[i].x, dy = b[j].y - b[i].y, dz = b[j].z - b[i].z;
            double r2 = dx * dx + dy * dy + dz * dz + EPS2, inv = b[j].m / (r2 * std::sqrt(r2));
            sx += dx * inv; sy += dy * inv; sz += dz * inv;
        }
        acc[3 * i] = sx; acc[3 * i + 1] = sy; acc[3 * i + 2] = sz;
    }
    // The position update is cheap (O(n)); all accelerations are ready here.
#pragma omp parallel for if (parallel)
    for (int i = 0; i < n; i++) {
        b[i].vx += DT * acc[3 * i]; b[i].vy += DT * acc[3 * i + 1]; b[i].vz += DT * acc[3 * i + 2];
        b[i].x += DT * b[i].vx; b[i].y += DT * b[i].vy; b[i].z += DT * b[i].vz;
    }
}

int main() {
    const int n = 500, steps = 5;
    std::vector<P> bodies(n);
    for (int i = 0; i < n; i++) bodies[i] = {std::sin(0.7 * i), std::cos(1.3 * i), std::sin(0.3 * i + 1.0), 0, 0, 0, 1.0 + i % 4};
    std::vector<P> ref = bodies; // serial copy
    std::vector<double> acc(3 * n);

    for (int s = 0; s < steps; s++) step(bodies, acc, true);
    for (int s = 0; s < steps; s++) step(ref, acc, false); // same code, one thread

    bool ok = true;
    for (int i = 0; i < n; i++)
        if (std::fabs(bodies[i].x - ref[i].x) > 1e-12 || std::fabs(bodies[i].vy - ref[i].vy) > 1e-9) ok = false;
    std::printf("%d bodies, %d steps, %d threads: %s\n", n, steps, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
