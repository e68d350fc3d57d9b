/* A program with a known serial fraction: SERIAL_SHARE of the work (at 1 thread) runs
   outside any parallel region, the rest in a parallel loop of the same kind of work. */
#include <stdio.h>
#include <stdlib.h>

#define SERIAL_SHARE 0.4

static double work(long i) {
    double x = 0.0;
    for (int k = 0; k < 200; k++) x += 1.0 / (1.0 + (double)i + k);
    return x;
}

int main(int argc, char **argv) {
    long total = argc > 1 ? atol(argv[1]) : 2000000;
    long serial = (long)(total * SERIAL_SHARE);
    double sum = 0.0;
    for (long i = 0; i < serial; i++) sum += work(i); /* serial part */
#pragma omp parallel for reduction(+ : sum)
    for (long i = serial; i < total; i++) sum += work(i);
    printf("sum=%.6f\n", sum);
    return 0;
}
