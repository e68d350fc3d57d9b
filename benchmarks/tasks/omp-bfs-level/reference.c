#include <stdlib.h>

/* Top-down, level-synchronous BFS: the frontier is expanded in parallel; a vertex is claimed by
   the first thread that sets its level with a compare-and-swap. */
void bfs_levels(int n, const int *rowptr, const int *adj, int source, int *level) {
    int *frontier = malloc(n * sizeof *frontier), *next = malloc(n * sizeof *next);
#pragma omp parallel for
    for (int v = 0; v < n; v++) level[v] = -1;
    level[source] = 0;
    frontier[0] = source;
    int fsize = 1, depth = 0;
    while (fsize > 0) {
        int nsize = 0;
#pragma omp parallel
        {
            int buf[256], nb = 0;
#pragma omp for schedule(dynamic, 64)
            for (int i = 0; i < fsize; i++) {
                int v = frontier[i];
                for (int k = rowptr[v]; k < rowptr[v + 1]; k++) {
                    int w = adj[k];
                    if (level[w] == -1 && __sync_bool_compare_and_swap(&level[w], -1, depth + 1)) {
                        buf[nb++] = w;
                        if (nb == 256) {
                            int at;
#pragma omp atomic capture
                            { at = nsize; nsize += nb; }
                            for (int q = 0; q < nb; q++) next[at + q] = buf[q];
                            nb = 0;
                        }
                    }
                }
            }
            int at;
#pragma omp atomic capture
            { at = nsize; nsize += nb; }
            for (int q = 0; q < nb; q++) next[at + q] = buf[q];
        }
        int *t = frontier;
        frontier = next;
        next = t;
        fsize = nsize;
        depth++;
    }
    free(frontier);
    free(next);
}
