/* ~1 s of OpenMP work in 2000 parallel loops (a 1-D smoothing sweep), the shape of many
   real programs: the profiler sees every region, barrier and loop. Argument: sweeps. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int sweeps = argc > 1 ? atoi(argv[1]) : 2000;
    const int n = 200000;
    double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    for (int i = 0; i < n; i++) a[i] = i % 17;
    for (int s = 0; s < sweeps; s++) {
#pragma omp parallel for
        for (int i = 1; i < n - 1; i++) b[i] = (a[i - 1] + 2.0 * a[i] + a[i + 1]) * 0.25;
        double *t = a; a = b; b = t;
    }
    printf("a[n/2]=%.6f\n", a[n / 2]);
    free(a);
    free(b);
    return 0;
}
