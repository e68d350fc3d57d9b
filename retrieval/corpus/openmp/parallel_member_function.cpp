/*---
id: omp-parallel-member-function-cpp
title: OpenMP inside a C++ class method - members, this and data sharing
descriptions:
  - use OpenMP in a member function of a class
  - is this shared or private in an OpenMP parallel region
  - parallel loop over a class member std::vector
api: openmp
lang: c++
constructs: [parallel for, reduction(max), firstprivate]
pattern: stencil
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

// A 1D heat-diffusion grid. Inside member functions the data members are
// reached through "this", which is shared by the team: every thread works
// on the same object, so writes to members need the same care as writes to
// any shared variable (here each iteration writes its own next_[i]). To
// give every thread its own copy of a member value, copy it into a local
// variable before the region (members may also be listed in private /
// firstprivate clauses since OpenMP 4.5).
class Grid {
  public:
    explicit Grid(int n) : u_(n, 0.0), next_(n, 0.0) { u_[n / 2] = 1.0; }

    // One explicit time step; returns the largest change of any point.
    double step(double alpha) {
        const int n = static_cast<int>(u_.size());
        double max_change = 0.0;
#pragma omp parallel for firstprivate(alpha) reduction(max : max_change)
        for (int i = 1; i < n - 1; ++i) {
            next_[i] = u_[i] + alpha * (u_[i - 1] - 2.0 * u_[i] + u_[i + 1]);
            max_change = std::max(max_change, std::fabs(next_[i] - u_[i]));
        }
        std::swap(u_, next_); // serial, after the implicit barrier: safe
        return max_change;
    }

    double total() const {
        double s = 0.0;
#pragma omp parallel for reduction(+ : s)
        for (int i = 0; i < static_cast<int>(u_.size()); ++i) s += u_[i];
        return s;
    }

  private:
    std::vector<double> u_, next_;
};

int main() {
    Grid g(501);
    double change = 0.0;
    for (int t = 0; t < 100; ++t) change = g.step(0.25);

    // Diffusion with fixed zero ends far from the peak conserves the total.
    bool ok = std::fabs(g.total() - 1.0) < 1e-12 && change > 0.0 && change < 0.02;
    std::printf("total heat %.12f, last max change %.2e: %s\n", g.total(), change,
                ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
