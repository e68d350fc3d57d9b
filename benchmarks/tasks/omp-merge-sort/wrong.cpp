// Bug: off-by-one when splitting, the middle element is left out of both halves.
#include <algorithm>
#include <vector>

static void msort(std::vector<int>& v, long lo, long hi) {  // sorts v[lo, hi)
    if (hi - lo < 10000) {
        std::sort(v.begin() + lo, v.begin() + hi);
        return;
    }
    long mid = lo + (hi - lo) / 2;
#pragma omp task shared(v)
    msort(v, lo, mid);
#pragma omp task shared(v)
    msort(v, mid + 1, hi);
#pragma omp taskwait
    std::inplace_merge(v.begin() + lo, v.begin() + mid, v.begin() + hi);
}

void parallel_sort(std::vector<int>& v) {
#pragma omp parallel
#pragma omp single
    msort(v, 0, (long)v.size());
}
