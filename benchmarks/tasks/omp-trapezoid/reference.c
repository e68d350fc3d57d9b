double trapezoid(double (*f)(double), double a, double b, long n) {
    const double h = (b - a) / n;
    double s = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (long i = 1; i < n; i++) s += f(a + i * h);
    return h * (s + 0.5 * (f(a) + f(b)));
}
