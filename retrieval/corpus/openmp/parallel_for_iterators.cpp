/*---
id: omp-parallel-for-iterators-cpp
title: OpenMP loop over random-access iterators and a range-based alternative (C++)
descriptions:
  - parallel for with std::vector iterators
  - can I use a range-based for loop with OpenMP
  - OpenMP parallel loop over a container of structs in C++
api: openmp
lang: c++
constructs: [parallel for, reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <cmath>
#include <cstdio>
#include <vector>

struct Particle {
    double x, v;
};

int main() {
    std::vector<Particle> ps(200000);
    for (std::size_t i = 0; i < ps.size(); ++i) ps[i] = {0.0, 1.0 + 0.001 * (i % 100)};
    const double dt = 0.01;

    // OpenMP (since 3.0) accepts loops over random-access iterators, as long
    // as the test is <, <=, >, >= or != against an end that does not change
    // and the increment is ++ / += k. (std::list iterators are not random
    // access and will not compile here.)
#pragma omp parallel for
    for (auto it = ps.begin(); it < ps.end(); ++it) it->x += it->v * dt;

    // A range-based for loop ("for (auto &p : ps)") is accepted only by
    // OpenMP 5.0 compilers. The index form below works everywhere.
    double energy = 0.0;
#pragma omp parallel for reduction(+ : energy)
    for (long i = 0; i < static_cast<long>(ps.size()); ++i) energy += 0.5 * ps[i].v * ps[i].v;

    double ref = 0.0;
    bool ok = true;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        double v = 1.0 + 0.001 * (i % 100);
        if (ps[i].x != v * dt) ok = false;
        ref += 0.5 * v * v;
    }
    ok = ok && std::fabs(energy - ref) <= 1e-10 * ref;
    std::printf("moved %zu particles, kinetic energy %.4f: %s\n", ps.size(), energy,
                ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
