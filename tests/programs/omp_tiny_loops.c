/* 2000 parallel regions of 64 cheap iterations each: starting a region costs more than
   the work inside it. */
#include <stdio.h>

int main(void) {
    static double a[64];
    for (int step = 0; step < 2000; step++) {
#pragma omp parallel for
        for (int i = 0; i < 64; i++) a[i] += 0.5 * i;
    }
    printf("a[63]=%.1f\n", a[63]);
    return 0;
}
