long argmin(const double *a, long n) {
    long best = 0;
#pragma omp parallel
    {
        long mine = -1;
#pragma omp for schedule(static) nowait
        for (long i = 0; i < n; i++)
            if (mine < 0 || a[i] < a[mine]) mine = i;
#pragma omp critical
        if (mine >= 0 && (a[mine] < a[best] || (a[mine] == a[best] && mine < best))) best = mine;
    }
    return best;
}
