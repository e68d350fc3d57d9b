/* Driver for omp-stencil2d: out starts as NaN, every point is checked. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

void stencil_step(const double *in, double *out, int nx, int ny);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) void reference(const double *in, double *out, int nx, int ny) {
    for (int i = 0; i < ny; i++)
        for (int j = 0; j < nx; j++) {
            long k = (long)i * nx + j;
            if (i == 0 || i == ny - 1 || j == 0 || j == nx - 1)
                out[k] = in[k];
            else
                out[k] = (in[k - nx] + in[k + nx] + in[k - 1] + in[k + 1]) / 4;
        }
}

int main(void) {
    const int nx = 4001, ny = 5003;
    const long npts = (long)nx * ny;
    double *in = malloc(npts * sizeof *in), *out = malloc(npts * sizeof *out);
    double *ref = malloc(npts * sizeof *ref);
    if (!in || !out || !ref) { fprintf(stderr, "driver: out of memory\n"); return 2; }
#pragma omp parallel for
    for (long k = 0; k < npts; k++) {
        in[k] = 100.0 * u01(k);
        out[k] = NAN;
        ref[k] = 0.0;
    }

    double t0 = omp_get_wtime();
    reference(in, ref, nx, ny);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    stencil_step(in, out, nx, ny);
    double time = omp_get_wtime() - t0;

    for (long k = 0; k < npts; k++) {
        if (!(fabs(out[k] - ref[k]) <= 1e-13 * 100.0)) {
            fprintf(stderr, "wrong out(%ld, %ld): got %.17g, expected %.17g\n", k / nx, k % nx, out[k], ref[k]);
            return 1;
        }
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(in); free(out); free(ref);
    return 0;
}
