/* Driver for omp-kmeans-step: one starting centroid is far from every point, so its cluster is
   empty; assignments are checked exactly, centroids with a tolerance. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kmeans_step(const double *points, long n, int d, int k, double *centroids, int *assign);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(const double *pts, long n, int d, int k, double *cent, int *assign) {
    double *sum = calloc((size_t)k * d, sizeof *sum);
    long *count = calloc(k, sizeof *count);
    for (long i = 0; i < n; i++) {
        const double *p = pts + i * d;
        int best = 0;
        double bestd = INFINITY;
        for (int c = 0; c < k; c++) {
            double s = 0.0;
            for (int j = 0; j < d; j++) {
                double t = p[j] - cent[c * d + j];
                s += t * t;
            }
            if (s < bestd) {
                bestd = s;
                best = c;
            }
        }
        assign[i] = best;
        count[best]++;
        for (int j = 0; j < d; j++) sum[best * d + j] += p[j];
    }
    for (int c = 0; c < k; c++)
        if (count[c] > 0)
            for (int j = 0; j < d; j++) cent[c * d + j] = sum[c * d + j] / count[c];
    free(sum);
    free(count);
}

int main(void) {
    const long n = 2000003;
    const int d = 4, k = 16, empty = 5;
    double *pts = malloc(n * d * sizeof *pts);
    double *cent = malloc(k * d * sizeof *cent), *ref_cent = malloc(k * d * sizeof *ref_cent);
    int *assign = malloc(n * sizeof *assign), *ref_assign = malloc(n * sizeof *ref_assign);
    if (!pts || !cent || !ref_cent || !assign || !ref_assign) { fprintf(stderr, "driver: out of memory\n"); return 2; }
    /* points scattered around 12 blob centres in [0, 10)^4 */
    for (long i = 0; i < n; i++) {
        long blob = (long)(mix64(i) % 12);
        for (int j = 0; j < d; j++)
            pts[i * d + j] = 10.0 * u01(blob * 16 + j + 0xB10B0000ULL) + 2.0 * (u01(i * d + j) - 0.5);
    }
    for (int c = 0; c < k; c++)
        for (int j = 0; j < d; j++)
            cent[c * d + j] = c == empty ? 1000.0 : pts[(long)((c * 7919L) % n) * d + j];
    memcpy(ref_cent, cent, k * d * sizeof *cent);
    for (long i = 0; i < n; i++) assign[i] = -1;

    double t0 = omp_get_wtime();
    reference(pts, n, d, k, ref_cent, ref_assign);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    kmeans_step(pts, n, d, k, cent, assign);
    double time = omp_get_wtime() - t0;

    for (long i = 0; i < n; i++) {
        if (assign[i] != ref_assign[i]) {
            fprintf(stderr, "wrong assign[%ld]: got %d, expected %d\n", i, assign[i], ref_assign[i]);
            return 1;
        }
    }
    for (int c = 0; c < k; c++)
        for (int j = 0; j < d; j++) {
            double g = cent[c * d + j], r = ref_cent[c * d + j];
            if (!(fabs(g - r) <= 1e-10 * (fabs(r) + 1.0))) {
                fprintf(stderr, "wrong centroid %d coordinate %d: got %.17g, expected %.17g\n", c, j, g, r);
                return 1;
            }
        }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(pts); free(cent); free(ref_cent); free(assign); free(ref_assign);
    return 0;
}
