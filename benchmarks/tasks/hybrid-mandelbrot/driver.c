/* Driver for hybrid-mandelbrot: the count is checked on every rank. Points on the fractal
   boundary can flip with a different (equally valid) order of floating-point operations, so the
   count may differ from the reference by at most 0.1%. */
#include <mpi.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

long mandel_count(int width, int height, int max_iter, MPI_Comm comm);

/* The serial reference, kept out of line so that it is compiled like an ordinary function. */
static __attribute__((noinline)) long reference(int width, int height, int max_iter) {
    long count = 0;
    for (int py = 0; py < height; py++)
        for (int px = 0; px < width; px++) {
            double cx = -2.0 + (px + 0.5) * 2.5 / width, cy = -1.25 + (py + 0.5) * 2.5 / height;
            double x = 0.0, y = 0.0;
            int it = 0;
            while (it < max_iter && x * x + y * y <= 4.0) {
                double xt = x * x - y * y + cx;
                y = 2 * x * y + cy;
                x = xt;
                it++;
            }
            if (it == max_iter) count++;
        }
    return count;
}

int main(int argc, char **argv) {
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    const int width = 801, height = 641, max_iter = 400;

    long ref = 0;
    double ref_time = 0.0;
    if (rank == 0) {
        double t0 = MPI_Wtime();
        ref = reference(width, height, max_iter);
        ref_time = MPI_Wtime() - t0;
    }
    MPI_Bcast(&ref, 1, MPI_LONG, 0, MPI_COMM_WORLD);

#pragma omp parallel
    { /* start the thread pool before timing */ }
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    long got = mandel_count(width, height, max_iter, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = labs(got - ref) <= ref / 1000, all_ok;
    if (!ok) fprintf(stderr, "rank %d: wrong count: got %ld, expected %ld\n", rank, got, ref);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
