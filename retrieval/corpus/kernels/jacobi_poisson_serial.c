/*---
id: kern-jacobi-serial
title: Jacobi iteration for the 2D Poisson equation (serial)
descriptions:
  - solve the Poisson equation with Jacobi iteration
  - iterative Laplace/Poisson solver on a square grid until convergence
  - Jacobi method with a tolerance on the largest change
api: serial
lang: c
constructs: [Jacobi iteration, convergence test]
pattern: stencil
threads: [1]
ranks: [1]
---*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#define N 20 /* interior points per direction; the grid is (N+2) x (N+2) */
#define TOL 1e-12

static double U[N + 2][N + 2], V[N + 2][N + 2];

/* Exact solution u = x^2 + y^2, so -laplace(u) = f = -4.  The five-point
   stencil is exact for quadratics, so Jacobi must converge to u itself. */
static double exact(int i, int j) {
    double h = 1.0 / (N + 1), x = i * h, y = j * h;
    return x * x + y * y;
}

int main(void) {
    const double h2 = 1.0 / ((N + 1.0) * (N + 1.0)), f = -4.0;
    /* Boundary values from the exact solution, zero initial guess inside. */
    for (int i = 0; i < N + 2; i++)
        for (int j = 0; j < N + 2; j++)
            U[i][j] = (i == 0 || j == 0 || i == N + 1 || j == N + 1) ? exact(i, j) : 0.0;
    memcpy(V, U, sizeof U);

    int iters = 0;
    double diff;
    do {
        diff = 0.0;
        /* Jacobi: every new value uses only old values (from U). */
        for (int i = 1; i <= N; i++)
            for (int j = 1; j <= N; j++) {
                V[i][j] = 0.25 * (U[i - 1][j] + U[i + 1][j] + U[i][j - 1] + U[i][j + 1] + h2 * f);
                diff = fmax(diff, fabs(V[i][j] - U[i][j]));
            }
        memcpy(U, V, sizeof U);
        iters++;
    } while (diff > TOL && iters < 100000);

    double err = 0.0;
    for (int i = 0; i < N + 2; i++)
        for (int j = 0; j < N + 2; j++) err = fmax(err, fabs(U[i][j] - exact(i, j)));
    int ok = err < 1e-8;
    printf("converged in %d iterations, max error %.2e: %s\n", iters, err, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
