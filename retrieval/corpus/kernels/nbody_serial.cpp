/*---
id: kern-nbody-serial
title: Direct O(n^2) n-body gravitational forces and leapfrog steps (serial C++)
descriptions:
  - n-body simulation with direct summation of all pair forces
  - compute gravitational accelerations between all particles in C++
  - check an n-body code with Newton's third law and momentum conservation
api: serial
lang: c++
constructs: [std::vector, struct of arrays, leapfrog]
pattern: n-body
threads: [1]
ranks: [1]
---*/
#include <cmath>
#include <cstdio>
#include <vector>

struct Bodies {
    std::vector<double> x, y, z, vx, vy, vz, m;
};
const double EPS2 = 1e-4; // softening avoids division by zero for close pairs

// a_i = sum_j m_j (r_j - r_i) / (|r_j - r_i|^2 + eps^2)^(3/2), G = 1.
static void accelerations(const Bodies &b, std::vector<double> &ax, std::vector<double> &ay, std::vector<double> &az) {
    size_t n = b.m.size();
    for (size_t i = 0; i < n; i++) {
        double sx = 0, sy = 0, sz = 0;
        for (size_t j = 0; j < n; j++) {
            double dx = b.x[j] - b.x[i], dy = b.y[j] - b.y[i], dz = b.z[j] - b.z[i];
            double r2 = dx * dx + dy * dy + dz * dz + EPS2, inv = 1.0 / (r2 * std::sqrt(r2));
            sx += b.m[j] * dx * inv; // j == i adds zero
            sy += b.m[j] * dy * inv;
            sz += b.m[j] * dz * inv;
        }
        ax[i] = sx; ay[i] = sy; az[i] = sz;
    }
}

int main() {
    const size_t n = 400;
    Bodies b;
    for (size_t i = 0; i < n; i++) { // a deterministic cloud, at rest
        b.x.push_back(std::sin(1.1 * i)); b.y.push_back(std::cos(1.7 * i)); b.z.push_back(std::sin(2.3 * i + 0.5));
        b.vx.push_back(0); b.vy.push_back(0); b.vz.push_back(0);
        b.m.push_back(1.0 + (i % 3));
    }
    std::vector<double> ax(n), ay(n), az(n);
    const double dt = 1e-3;
    for (int step = 0; step < 10; step++) { // kick-drift leapfrog
        accelerations(b, ax, ay, az);
        for (size_t i = 0; i < n; i++) {
            b.vx[i] += dt * ax[i]; b.vy[i] += dt * ay[i]; b.vz[i] += dt * az[i];
            b.x[i] += dt * b.vx[i]; b.y[i] += dt * b.vy[i]; b.z[i] += dt * b.vz[i];
        }
    }
    // Newton's third law: internal forces cancel, so the total momentum stays 0.
    double px = 0, py = 0, pz = 0, pscale = 0;
    for (size_t i = 0; i < n; i++) {
        px += b.m[i] * b.vx[i]; py += b.m[i] * b.vy[i]; pz += b.m[i] * b.vz[i];
        pscale += b.m[i] * std::sqrt(b.vx[i] * b.vx[i] + b.vy[i] * b.vy[i] + b.vz[i] * b.vz[i]);
    }
    double p = std::sqrt(px * px + py * py + pz * pz);
    bool ok = pscale > 0 && p < 1e-10 * pscale;
    std::printf("|total momentum| = %.2e (sum of |m v| = %.2e): %s\n", p, pscale, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
