/*---
id: kern-heat-serial
title: 1D heat equation with the explicit (FTCS) scheme, checked against the exact discrete solution
descriptions:
  - solve the heat equation in 1D with finite differences
  - explicit time stepping for diffusion with a stability limit
  - forward Euler in time, central differences in space
api: serial
lang: c
constructs: [explicit time stepping, FTCS]
pattern: stencil
threads: [1]
ranks: [1]
---*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N 200 /* interior points; u[0] = u[N+1] = 0 */
#define STEPS 500
#define PI 3.14159265358979323846

int main(void) {
    const double h = 1.0 / (N + 1), r = 0.4; /* r = dt / h^2 must be <= 1/2 for stability */
    double *u = malloc((N + 2) * sizeof *u), *v = malloc((N + 2) * sizeof *v);
    for (int i = 0; i <= N + 1; i++) u[i] = sin(PI * i * h);
    v[0] = v[N + 1] = 0.0;

    for (int n = 0; n < STEPS; n++) {
        for (int i = 1; i <= N; i++) v[i] = u[i] + r * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        double *t = u; u = v; v = t;
    }

    /* sin(pi x) is an eigenvector of the scheme: each step multiplies it by
       g = 1 - 4 r sin^2(pi h / 2), so u_i = g^STEPS sin(pi i h) exactly.
       (The PDE itself would give exp(-pi^2 t), which g^n approximates.) */
    double g = 1.0 - 4.0 * r * pow(sin(PI * h / 2.0), 2), amp = pow(g, STEPS), err = 0.0;
    for (int i = 0; i <= N + 1; i++) err = fmax(err, fabs(u[i] - amp * sin(PI * i * h)));
    double t = STEPS * r * h * h;
    int ok = err < 1e-12;
    printf("t = %.4f: amplitude %.8f (PDE: %.8f), error %.1e: %s\n", t, amp, exp(-PI * PI * t), err, ok ? "PASS" : "FAIL");
    free(u);
    free(v);
    return ok ? 0 : 1;
}
