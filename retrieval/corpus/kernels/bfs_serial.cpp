/*---
id: kern-bfs-serial
title: Level-synchronous breadth-first search on a grid graph in CSR form (serial C++)
descriptions:
  - breadth first search level by level with a frontier
  - BFS distances on a graph stored as adjacency arrays (CSR)
  - shortest hop count from one vertex to all others
api: serial
lang: c++
constructs: [BFS, frontier, CSR adjacency, std::vector]
pattern: graph
threads: [1]
ranks: [1]
---*/
#include <cstdio>
#include <cstdlib>
#include <vector>

int main() {
    // A nx x ny grid graph: vertex (x, y) = y*nx + x, edges to the 4 neighbours.
    const int nx = 300, ny = 200, n = nx * ny;
    std::vector<int> offs(n + 1, 0), adj;
    for (int v = 0; v < n; v++) {
        int x = v % nx, y = v / nx;
        if (x > 0) adj.push_back(v - 1);
        if (x < nx - 1) adj.push_back(v + 1);
        if (y > 0) adj.push_back(v - nx);
        if (y < ny - 1) adj.push_back(v + nx);
        offs[v + 1] = static_cast<int>(adj.size());
    }

    // Level-synchronous BFS from vertex 0: expand the whole frontier of level
    // L before looking at level L+1.
    std::vector<int> dist(n, -1), frontier{0}, next;
    dist[0] = 0;
    for (int level = 0; !frontier.empty(); level++) {
        next.clear();
        for (int u : frontier)
            for (int k = offs[u]; k < offs[u + 1]; k++) {
                int w = adj[k];
                if (dist[w] < 0) { dist[w] = level + 1; next.push_back(w); }
            }
        frontier.swap(next);
    }

    // Closed form: on a grid the hop distance from (0,0) is x + y.
    bool ok = true;
    for (int v = 0; v < n; v++)
        if (dist[v] != v % nx + v / nx) ok = false;
    std::printf("BFS on %d vertices, farthest at distance %d: %s\n", n, dist[n - 1], ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
