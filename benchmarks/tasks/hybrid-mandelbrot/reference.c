#include <mpi.h>

long mandel_count(int width, int height, int max_iter, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    long count = 0, total = 0;
    /* rows dealt cyclically to ranks; threads take rows dynamically */
#pragma omp parallel for schedule(dynamic, 1) reduction(+ : count)
    for (int py = rank; py < height; py += size) {
        const double cy = -1.25 + (py + 0.5) * 2.5 / height;
        for (int px = 0; px < width; px++) {
            const double cx = -2.0 + (px + 0.5) * 2.5 / width;
            double x = 0.0, y = 0.0;
            int it = 0;
            while (it < max_iter && x * x + y * y <= 4.0) {
                double xt = x * x - y * y + cx;
                y = 2 * x * y + cy;
                x = xt;
                it++;
            }
            count += it == max_iter;
        }
    }
    MPI_Allreduce(&count, &total, 1, MPI_LONG, MPI_SUM, comm);
    return total;
}
