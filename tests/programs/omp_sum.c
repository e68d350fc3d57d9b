#include <omp.h>
#include <stdio.h>

int main(void) {
    const long n = 2000000;
    long long sum = 0;
#pragma omp parallel for reduction(+ : sum)
    for (long i = 1; i <= n; i++) sum += i;
    printf("sum=%lld threads=%d\n", sum, omp_get_max_threads());
    return sum == n * (n + 1) / 2 ? 0 : 1;
}
