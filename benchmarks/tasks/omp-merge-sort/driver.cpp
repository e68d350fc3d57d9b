// Driver for omp-merge-sort: random ints with many duplicates and negative values; the result
// must equal std::sort's.
#include <omp.h>
#include <algorithm>
#include <cstdio>
#include <vector>

void parallel_sort(std::vector<int>& v);

static unsigned long long mix64(unsigned long long x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// The serial reference, kept out of line.
static __attribute__((noinline)) void reference(std::vector<int>& v) { std::sort(v.begin(), v.end()); }

int main() {
    const long n = 2500003;
    std::vector<int> v(n);
    for (long i = 0; i < n; i++) v[i] = (int)(mix64(i) % 2000003) - 1000000;
    std::vector<int> ref(v);

    double t0 = omp_get_wtime();
    reference(ref);
    double ref_time = omp_get_wtime() - t0;

#pragma omp parallel
    { /* start the thread pool before timing */ }

    t0 = omp_get_wtime();
    parallel_sort(v);
    double time = omp_get_wtime() - t0;

    if (v.size() != ref.size()) {
        std::fprintf(stderr, "wrong size: got %zu elements, expected %zu\n", v.size(), ref.size());
        return 1;
    }
    for (long i = 0; i < n; i++) {
        if (v[i] != ref[i]) {
            std::fprintf(stderr, "wrong v[%ld]: got %d, expected %d\n", i, v[i], ref[i]);
            return 1;
        }
    }
    std::printf("time: %.6f\n", time);
    std::printf("ref_time: %.6f\n", ref_time);
    return 0;
}
