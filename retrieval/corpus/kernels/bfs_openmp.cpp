/*---
id: kern-bfs-openmp
title: Parallel level-synchronous BFS with OpenMP and atomic compare-exchange
descriptions:
  - parallel breadth first search with OpenMP threads
  - two threads discover the same vertex, how do I make only one of them claim it
  - BFS frontier expansion with thread-local next frontiers
api: openmp
lang: c++
constructs: [parallel, for schedule(dynamic) nowait, critical, single, std::atomic compare_exchange]
pattern: graph
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <atomic>
#include <cstdio>
#include <vector>

int main() {
    // Generated graph: a ring plus pseudo-random chords (made deterministic).
    const int n = 50000;
    std::vector<std::vector<int>> nbr(n);
    unsigned s = 11u;
    for (int v = 0; v < n; v++) {
        int w = (v + 1) % n;
        nbr[v].push_back(w); nbr[w].push_back(v);
        if (v % 3 == 0) {
            s = s * 1664525u + 1013904223u;
            int c = static_cast<int>(s % n);
            nbr[v].push_back(c); nbr[c].push_back(v);
        }
    }

    // dist is written by whichever thread discovers a vertex first.  A plain
    // "if (dist[w] < 0) dist[w] = ..." would race, so claim it atomically.
    std::vector<std::atomic<int>> dist(n);
    for (auto &d : dist) d.store(-1, std::memory_order_relaxed);
    dist[0] = 0;
    std::vector<int> frontier{0}, next;
    int level = 0;
#pragma omp parallel
    while (!frontier.empty()) { // every thread sees the same frontier (barriers below)
        std::vector<int> mine;  // this thread's part of the next frontier
#pragma omp for schedule(dynamic, 64) nowait
        for (size_t i = 0; i < frontier.size(); i++)
            for (int w : nbr[frontier[i]]) {
                int expected = -1;
                if (dist[w].compare_exchange_strong(expected, level + 1)) mine.push_back(w);
            }
#pragma omp critical
        next.insert(next.end(), mine.begin(), mine.end());
#pragma omp barrier
#pragma omp single
        {
            frontier.swap(next);
            next.clear();
            level++;
        } // implicit barrier: the new frontier is visible to all threads
    }

    // Serial reference BFS.
    std::vector<int> ref(n, -1), f{0}, g;
    ref[0] = 0;
    for (int L = 0; !f.empty(); L++) {
        g.clear();
        for (int u : f)
            for (int w : nbr[u])
                if (ref[w] < 0) { ref[w] = L + 1; g.push_back(w); }
        f.swap(g);
    }
    bool ok = true;
    for (int v = 0; v < n; v++)
        if (dist[v] != ref[v]) ok = false;
    std::printf("BFS: %d levels, %d threads: %s\n", level, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
