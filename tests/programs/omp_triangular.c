/* Triangular work under schedule(static): row i costs i units, so with 2 threads the
   thread that gets the second half of the rows does three times the work of the other. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 20000;
    double total = 0.0;
#pragma omp parallel for schedule(static) reduction(+ : total)
    for (int i = 0; i < n; i++) {
        double row = 0.0;
        for (int j = 0; j < i; j++) row += 1.0 / (1.0 + i + j);
        total += row;
    }
    printf("total=%.6f\n", total);
    return 0;
}
