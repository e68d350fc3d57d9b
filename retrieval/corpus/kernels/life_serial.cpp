/*---
id: kern-life-serial
title: Conway's Game of Life on a torus (serial C++), checked with a glider
descriptions:
  - Game of Life in C++ with periodic boundaries
  - cellular automaton update with two grids
  - count the eight neighbours of a cell with wrap-around
api: serial
lang: c++
constructs: [std::vector, periodic boundary, double buffering]
pattern: stencil
threads: [1]
ranks: [1]
---*/
#include <cstdio>
#include <vector>

using Grid = std::vector<unsigned char>;

static void step(const Grid &g, Grid &out, int n) {
    for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++) {
            int alive = 0; // neighbours, wrapping around the edges
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                    if (dx || dy) alive += g[((y + dy + n) % n) * n + (x + dx + n) % n];
            unsigned char c = g[y * n + x];
            out[y * n + x] = (alive == 3 || (c && alive == 2)) ? 1 : 0;
        }
}

int main() {
    const int n = 64, gens = 4 * 40;
    Grid g(n * n, 0), h(n * n, 0);
    // A glider: every 4 generations it moves one cell right and one cell down.
    const int gx[5] = {1, 2, 0, 1, 2}, gy[5] = {0, 1, 2, 2, 2};
    for (int k = 0; k < 5; k++) g[gy[k] * n + gx[k]] = 1;

    for (int t = 0; t < gens; t++) {
        step(g, h, n);
        g.swap(h);
    }

    // Closed form: after 4k generations the glider is shifted by (k, k).
    Grid expect(n * n, 0);
    int k = gens / 4;
    for (int i = 0; i < 5; i++) expect[((gy[i] + k) % n) * n + (gx[i] + k) % n] = 1;
    bool ok = g == expect;
    std::printf("glider after %d generations moved by (%d, %d): %s\n", gens, k, k, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
