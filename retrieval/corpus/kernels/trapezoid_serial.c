/*---
id: kern-trapezoid-serial
title: Trapezoid rule for a definite integral (serial)
descriptions:
  - numerical integration with the trapezoidal rule in C
  - approximate the integral of sin(x) from 0 to pi
  - composite trapezoid rule with n intervals
api: serial
lang: c
constructs: [trapezoid rule]
pattern: reduce
threads: [1]
ranks: [1]
---*/
#include <math.h>
#include <stdio.h>

#define PI 3.14159265358979323846

/* Composite trapezoid rule: h * (f(a)/2 + f(x_1) + ... + f(x_{n-1}) + f(b)/2). */
static double trapezoid(double (*f)(double), double a, double b, long n) {
    double h = (b - a) / n, s = 0.5 * (f(a) + f(b));
    for (long i = 1; i < n; i++) s += f(a + i * h);
    return s * h;
}

int main(void) {
    long n = 1000000;
    double I = trapezoid(sin, 0.0, PI, n);
    /* Closed form: the integral of sin over [0, pi] is exactly 2; the rule's
       error is about (b-a) h^2 / 12 * max|f''| ~ 3e-12 here. */
    int ok = fabs(I - 2.0) < 1e-10;
    printf("integral = %.14f (error %.1e): %s\n", I, fabs(I - 2.0), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
