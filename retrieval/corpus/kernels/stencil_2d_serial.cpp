/*---
id: kern-stencil2d-serial
title: 2D five-point Laplacian stencil on a std::vector grid (serial)
descriptions:
  - five point stencil on a 2D grid in C++
  - discrete Laplacian of a 2D array stored in a std::vector
  - how do I index a 2D grid stored as one flat vector
api: serial
lang: c++
constructs: [std::vector, row-major indexing]
pattern: stencil
threads: [1]
ranks: [1]
---*/
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    const int nx = 600, ny = 400;
    // Row-major flat storage: element (y, x) lives at y * nx + x.
    auto idx = [nx](int y, int x) { return static_cast<size_t>(y) * nx + x; };
    std::vector<double> u(static_cast<size_t>(nx) * ny), lap(u.size(), 0.0);
    for (int y = 0; y < ny; y++)
        for (int x = 0; x < nx; x++) u[idx(y, x)] = 0.5 * x * x + 1.5 * y * y + x * y;

    // Five-point stencil on the interior (grid spacing 1).
    for (int y = 1; y < ny - 1; y++)
        for (int x = 1; x < nx - 1; x++)
            lap[idx(y, x)] = u[idx(y, x - 1)] + u[idx(y, x + 1)] + u[idx(y - 1, x)] + u[idx(y + 1, x)] -
                             4.0 * u[idx(y, x)];

    // For the quadratic 0.5x^2 + 1.5y^2 + xy the stencil is exact: 1 + 3 = 4.
    bool ok = true;
    for (int y = 1; y < ny - 1; y++)
        for (int x = 1; x < nx - 1; x++)
            if (std::fabs(lap[idx(y, x)] - 4.0) > 1e-6) ok = false;
    std::printf("laplacian at the centre = %.6f (expected 4): %s\n", lap[idx(ny / 2, nx / 2)], ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
