#include <stdio.h>

int main(void) {
    long sum = 0;
#pragma omp parallel for
    for (int i = 0; i < 100000; i++) {
        sum += i; /* racy: every thread updates the same variable */
    }
    printf("sum=%ld\n", sum);
    return 0;
}
