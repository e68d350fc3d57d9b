#include <stdlib.h>

double cg_iteration(long n, double *x, double *r, double *p, double rr) {
    double *q = malloc(n * sizeof *q);
    double pq = 0.0, rr_new = 0.0;
#pragma omp parallel
    {
#pragma omp for reduction(+ : pq)
        for (long i = 0; i < n; i++) {
            double left = i > 0 ? p[i - 1] : 0.0, right = i < n - 1 ? p[i + 1] : 0.0;
            q[i] = 2.0 * p[i] - left - right;
            pq += p[i] * q[i];
        }
        const double alpha = rr / pq; /* pq is complete after the barrier of the loop above */
#pragma omp for reduction(+ : rr_new)
        for (long i = 0; i < n; i++) {
            x[i] += alpha * p[i];
            r[i] -= alpha * q[i];
            rr_new += r[i] * r[i];
        }
        const double beta = rr_new / rr;
#pragma omp for
        for (long i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
    }
    free(q);
    return rr_new;
}
