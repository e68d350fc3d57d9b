/*---
id: kern-stencil2d-openmp
title: 2D five-point stencil sweeps parallelised with OpenMP collapse(2)
descriptions:
  - parallelize a nested 2D stencil loop with OpenMP
  - use collapse(2) on a double loop over a grid
  - blur or smooth a 2D image with several threads
api: openmp
lang: c++
constructs: [parallel for, collapse(2), std::vector, std::swap]
pattern: stencil
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

// One smoothing sweep: each interior point becomes the average of itself
// and its four neighbours.  Boundary values are left unchanged.
static void sweep_parallel(const std::vector<double> &u, std::vector<double> &v, int nx, int ny) {
#pragma omp parallel for collapse(2)
    for (int y = 1; y < ny - 1; y++)
        for (int x = 1; x < nx - 1; x++) {
            size_t c = static_cast<size_t>(y) * nx + x;
            v[c] = 0.2 * (u[c] + u[c - 1] + u[c + 1] + u[c - nx] + u[c + nx]);
        }
}

int main() {
    const int nx = 300, ny = 200, steps = 20;
    std::vector<double> u(static_cast<size_t>(nx) * ny);
    for (size_t i = 0; i < u.size(); i++) u[i] = std::sin(0.01 * i) + (i % 13 == 0 ? 1.0 : 0.0);
    std::vector<double> ref = u, v = u, w = u; // v, w: second buffers (boundary copied)

    for (int s = 0; s < steps; s++) {
        sweep_parallel(u, v, nx, ny);
        std::swap(u, v); // O(1): swaps the vectors' internal pointers
    }

    // Serial reference with the same arithmetic.
    for (int s = 0; s < steps; s++) {
        for (int y = 1; y < ny - 1; y++)
            for (int x = 1; x < nx - 1; x++) {
                size_t c = static_cast<size_t>(y) * nx + x;
                w[c] = 0.2 * (ref[c] + ref[c - 1] + ref[c + 1] + ref[c - nx] + ref[c + nx]);
            }
        std::swap(ref, w);
    }
    bool ok = true;
    for (size_t i = 0; i < u.size(); i++)
        if (std::fabs(u[i] - ref[i]) > 1e-12) ok = false;
    std::printf("%d sweeps on %dx%d with %d threads: %s\n", steps, nx, ny, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
