/* Bug: unreached vertices keep the "infinity" used during the search instead of -1. */
#include <limits.h>

void bfs_levels(int n, const int *rowptr, const int *adj, int source, int *level) {
    for (int v = 0; v < n; v++) level[v] = INT_MAX;
    level[source] = 0;
    int depth = 0, changed = 1;
    while (changed) {
        changed = 0;
#pragma omp parallel for reduction(|| : changed) schedule(dynamic, 1024)
        for (int v = 0; v < n; v++) {
            if (level[v] != depth) continue;
            for (int k = rowptr[v]; k < rowptr[v + 1]; k++) {
                int w = adj[k];
                if (level[w] == INT_MAX) {
                    level[w] = depth + 1; /* every writer stores the same value */
                    changed = 1;
                }
            }
        }
        depth++;
    }
}
