/* Driver for omp-bfs-level: a random graph (about 8 neighbours per vertex) plus a separate cycle
   of vertices that cannot be reached; level starts out holding garbage; every vertex checked. */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void bfs_levels(int n, const int *rowptr, const int *adj, int source, int *level);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(int n, const int *rowptr, const int *adj, int source, int *level) {
    int *queue = malloc(n * sizeof *queue);
    for (int v = 0; v < n; v++) level[v] = -1;
    int head = 0, tail = 0;
    level[source] = 0;
    queue[tail++] = source;
    while (head < tail) {
        int v = queue[head++];
        for (int k = rowptr[v]; k < rowptr[v + 1]; k++) {
            int w = adj[k];
            if (level[w] < 0) {
                level[w] = level[v] + 1;
                queue[tail++] = w;
            }
        }
    }
    free(queue);
}

int main(void) {
    const int n = 1000003, ncycle = 1001, nmain = n - ncycle, per_vertex = 4, source = 12345;
    const long nedges = (long)nmain * per_vertex + ncycle; /* undirected edges */
    int *eu = malloc(nedges * sizeof *eu), *ev = malloc(nedges * sizeof *ev);
    int *rowptr = calloc(n + 1, sizeof *rowptr), *adj = malloc(2 * nedges * sizeof *adj);
    int *level = malloc(n * sizeof *level), *ref = malloc(n * sizeof *ref), *fill = malloc(n * sizeof *fill);
    if (!eu || !ev || !rowptr || !adj || !level || !ref || !fill) { fprintf(stderr, "driver: out of memory\n"); return 2; }
    long e = 0;
    for (int v = 0; v < nmain; v++)
        for (int t = 0; t < per_vertex; t++) {
            int w = (int)(mix64((unsigned long long)v * per_vertex + t) % (unsigned long long)(nmain - 1));
            if (w >= v) w++; /* no self loops */
            eu[e] = v;
            ev[e++] = w;
        }
    for (int c = 0; c < ncycle; c++) { /* the unreachable cycle */
        eu[e] = nmain + c;
        ev[e++] = nmain + (c + 1) % ncycle;
    }
    for (long i = 0; i < nedges; i++) {
        rowptr[eu[i] + 1]++;
        rowptr[ev[i] + 1]++;
    }
    for (int v = 0; v < n; v++) rowptr[v + 1] += rowptr[v];
    for (int v = 0; v < n; v++) fill[v] = rowptr[v];
    for (long i = 0; i < nedges; i++) {
        adj[fill[eu[i]]++] = ev[i];
        adj[fill[ev[i]]++] = eu[i];
    }
    free(eu); free(ev); free(fill);
    for (int v = 0; v < n; v++) level[v] = 1000000 + v;

    double t0 = omp_get_wtime();
    reference(n, rowptr, adj, source, ref);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    bfs_levels(n, rowptr, adj, source, level);
    double time = omp_get_wtime() - t0;

    for (int v = 0; v < n; v++) {
        if (level[v] != ref[v]) {
            fprintf(stderr, "wrong level[%d]: got %d, expected %d\n", v, level[v], ref[v]);
            return 1;
        }
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(rowptr); free(adj); free(level); free(ref);
    return 0;
}
