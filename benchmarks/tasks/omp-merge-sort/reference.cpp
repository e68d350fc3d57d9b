#include <algorithm>
#include <vector>

static void msort(int* a, int* tmp, long n) {
    if (n < 50000) {
        std::sort(a, a + n);
        return;
    }
    const long mid = n / 2;
#pragma omp task
    msort(a, tmp, mid);
#pragma omp task
    msort(a + mid, tmp + mid, n - mid);
#pragma omp taskwait
    std::merge(a, a + mid, a + mid, a + n, tmp);
    std::copy(tmp, tmp + n, a);
}

void parallel_sort(std::vector<int>& v) {
    std::vector<int> tmp(v.size());
#pragma omp parallel
#pragma omp single
    msort(v.data(), tmp.data(), (long)v.size());
}
