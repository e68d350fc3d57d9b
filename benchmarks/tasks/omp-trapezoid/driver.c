/* Driver for omp-trapezoid: the integrand is positive, so the tolerance is relative to the result;
   1e-8 leaves room for answers that step x += h (a drift of a few 1e-10), while one missing
   interior point (about 8e-8) or full-weight end points (about 3e-7) are caught. */
#include <math.h>
#include <omp.h>
#include <stdio.h>

double trapezoid(double (*f)(double), double a, double b, long n);

static double f(double x) { return exp(-x) * sin(5.0 * x) + 1.5; }

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) double reference(double (*g)(double), double a, double b, long n) {
    const double h = (b - a) / n;
    double s = 0.5 * (g(a) + g(b));
    for (long i = 1; i < n; i++) s += g(a + i * h);
    return s * h;
}

int main(void) {
    const double a = 0.0, b = 3.0;
    const long n = 4000001;

    double t0 = omp_get_wtime();
    double ref = reference(f, a, b, n);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    double got = trapezoid(f, a, b, n);
    double time = omp_get_wtime() - t0;

    if (!(fabs(got - ref) <= 1e-8 * fabs(ref))) {
        fprintf(stderr, "wrong integral: got %.17g, expected %.17g\n", got, ref);
        return 1;
    }
    printf("time: %.6f\n", time);
    printf("ref_time: %.6f\n", ref_time);
    return 0;
}
