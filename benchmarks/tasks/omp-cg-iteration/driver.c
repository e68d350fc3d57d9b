/* Driver for omp-cg-iteration: x, r, p and the returned r.r are all checked; vectors with a
   tolerance relative to their largest element. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double cg_iteration(long n, double *x, double *r, double *p, double rr);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
static double u01(unsigned long long i) { return (double)(mix64(i) >> 11) * (1.0 / 9007199254740992.0); }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) double reference(long n, double *x, double *r, double *p, double rr) {
    double *q = malloc(n * sizeof *q);
    double pq = 0.0;
    for (long i = 0; i < n; i++) {
        double left = i > 0 ? p[i - 1] : 0.0, right = i < n - 1 ? p[i + 1] : 0.0;
        q[i] = 2.0 * p[i] - left - right;
        pq += p[i] * q[i];
    }
    double alpha = rr / pq, rr_new = 0.0;
    for (long i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * q[i];
        rr_new += r[i] * r[i];
    }
    double beta = rr_new / rr;
    for (long i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
    free(q);
    return rr_new;
}

static int check(const char *name, const double *got, const double *ref, long n) {
    double big = 0.0;
    for (long i = 0; i < n; i++) big = fmax(big, fabs(ref[i]));
    for (long i = 0; i < n; i++)
        if (!(fabs(got[i] - ref[i]) <= 1e-9 * big)) {
            fprintf(stderr, "wrong %s[%ld]: got %.17g, expected %.17g\n", name, i, got[i], ref[i]);
            return 0;
        }
    return 1;
}

int main(void) {
    const long n = 8000003;
    size_t bytes = n * sizeof(double);
    double *x = malloc(bytes), *r = malloc(bytes), *p = malloc(bytes);
    double *xr = malloc(bytes), *rr_ = malloc(bytes), *pr = malloc(bytes);
    if (!x || !r || !p || !xr || !rr_ || !pr) { fprintf(stderr, "driver: out of memory\n"); return 2; }
    /* a smooth residual plus noise, and a search direction that is not just r */
    double rr = 0.0;
    for (long i = 0; i < n; i++) {
        x[i] = u01(i);
        r[i] = sin(1e-5 * i) + 0.1 * (u01(i + 0x3000000000ULL) - 0.5);
        p[i] = r[i] + 0.05 * cos(3e-6 * i);
        rr += r[i] * r[i];
    }
    memcpy(xr, x, bytes);
    memcpy(rr_, r, bytes);
    memcpy(pr, p, bytes);

    double t0 = omp_get_wtime();
    double ref = reference(n, xr, rr_, pr, rr);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    double got = cg_iteration(n, x, r, p, rr);
    double time = omp_get_wtime() - t0;

    if (!(fabs(got - ref) <= 1e-9 * ref)) {
        fprintf(stderr, "wrong return value (new r.r): got %.17g, expected %.17g\n", got, ref);
        return 1;
    }
    if (!check("x", x, xr, n) || !check("r", r, rr_, n) || !check("p", p, pr, n)) return 1;
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    free(x); free(r); free(p); free(xr); free(rr_); free(pr);
    return 0;
}
