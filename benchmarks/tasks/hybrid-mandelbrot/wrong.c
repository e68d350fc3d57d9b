/* Bug: the work is never split between ranks: every rank counts the whole grid, and the
   reduction then adds up size copies of the count. */
#include <mpi.h>

long mandel_count(int width, int height, int max_iter, MPI_Comm comm) {
    long count = 0, total = 0;
#pragma omp parallel for schedule(dynamic) reduction(+ : count)
    for (int py = 0; py < height; py++)
        for (int px = 0; px < width; px++) {
            double cx = -2.0 + (px + 0.5) * 2.5 / width, cy = -1.25 + (py + 0.5) * 2.5 / height;
            double x = 0, y = 0;
            int it;
            for (it = 0; it < max_iter; it++) {
                if (x * x + y * y > 4) break;
                double xn = x * x - y * y + cx;
                y = 2 * x * y + cy;
                x = xn;
            }
            if (it == max_iter) count++;
        }
    MPI_Allreduce(&count, &total, 1, MPI_LONG, MPI_SUM, comm);
    return total;
}
