/*---
id: kern-life-openmp
title: Game of Life with OpenMP - parallel generations and a live-cell count
descriptions:
  - parallelize Conway's Game of Life with OpenMP
  - update a 2D cellular automaton grid with several threads
  - count live cells with a reduction while computing the next generation
api: openmp
lang: c++
constructs: [parallel for, collapse(2), reduction(+), std::vector]
pattern: stencil
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <cstdio>
#include <vector>

using Grid = std::vector<unsigned char>;

// Next generation of g into out; returns the number of live cells.
// Threads write distinct cells of out and only read g: no races.
static long step(const Grid &g, Grid &out, int n, bool par) {
    long live = 0;
#pragma omp parallel for collapse(2) reduction(+ : live) if (par)
    for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++) {
            int alive = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                    if (dx || dy) alive += g[((y + dy + n) % n) * n + (x + dx + n) % n];
            unsigned char c = (alive == 3 || (g[y * n + x] && alive == 2)) ? 1 : 0;
            out[y * n + x] = c;
            live += c;
        }
    return live;
}

int main() {
    const int n = 200, gens = 30;
    Grid g(n * n), h(n * n);
    unsigned s = 77u;
    for (auto &c : g) { s = s * 1664525u + 1013904223u; c = (s >> 28) < 5 ? 1 : 0; } // ~30% alive
    Grid r = g, rh(n * n); // serial copy

    long live = 0, live_ref = 0;
    for (int t = 0; t < gens; t++) { live = step(g, h, n, true); g.swap(h); }
    for (int t = 0; t < gens; t++) { live_ref = step(r, rh, n, false); r.swap(rh); }

    bool ok = g == r && live == live_ref;
    std::printf("%d generations, %ld live cells, %d threads: %s\n", gens, live, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
