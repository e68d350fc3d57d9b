/* Bug: beta computed upside down (rr / rr_new instead of rr_new / rr). */
#include <stdlib.h>

double cg_iteration(long n, double *x, double *r, double *p, double rr) {
    double *q = malloc(n * sizeof *q);
    double pq = 0.0, rr_new = 0.0;
#pragma omp parallel for reduction(+ : pq)
    for (long i = 0; i < n; i++) {
        q[i] = 2.0 * p[i] - (i > 0 ? p[i - 1] : 0.0) - (i < n - 1 ? p[i + 1] : 0.0);
        pq += p[i] * q[i];
    }
    double alpha = rr / pq;
#pragma omp parallel for reduction(+ : rr_new)
    for (long i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * q[i];
        rr_new += r[i] * r[i];
    }
    double beta = rr / rr_new;
#pragma omp parallel for
    for (long i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
    free(q);
    return rr_new;
}
