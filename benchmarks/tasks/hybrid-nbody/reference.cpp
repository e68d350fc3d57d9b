#include <mpi.h>
#include <cmath>
#include <vector>

void nbody_forces_dist(const std::vector<double>& pos_local, const std::vector<double>& mass_local,
                       std::vector<double>& force_local, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    const int mine = (int)mass_local.size();
    std::vector<int> counts(size), displs(size), counts3(size), displs3(size);
    MPI_Allgather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, comm);
    int n = 0;
    for (int q = 0; q < size; q++) {
        displs[q] = n;
        counts3[q] = 3 * counts[q];
        displs3[q] = 3 * n;
        n += counts[q];
    }
    std::vector<double> pos(3 * n), mass(n);  // every rank needs every body
    MPI_Allgatherv(pos_local.data(), 3 * mine, MPI_DOUBLE, pos.data(), counts3.data(), displs3.data(), MPI_DOUBLE, comm);
    MPI_Allgatherv(mass_local.data(), mine, MPI_DOUBLE, mass.data(), counts.data(), displs.data(), MPI_DOUBLE, comm);
    const int first = displs[rank];
    const double eps2 = 0.01 * 0.01;
#pragma omp parallel for schedule(static)
    for (int li = 0; li < mine; li++) {
        const int i = first + li;
        double fx = 0.0, fy = 0.0, fz = 0.0;
        for (int j = 0; j < n; j++) {
            if (j == i) continue;
            const double dx = pos[3 * j] - pos[3 * i], dy = pos[3 * j + 1] - pos[3 * i + 1], dz = pos[3 * j + 2] - pos[3 * i + 2];
            const double r2 = dx * dx + dy * dy + dz * dz + eps2;
            const double s = mass[j] / (r2 * std::sqrt(r2));
            fx += s * dx;
            fy += s * dy;
            fz += s * dz;
        }
        force_local[3 * li] = mass[i] * fx;
        force_local[3 * li + 1] = mass[i] * fy;
        force_local[3 * li + 2] = mass[i] * fz;
    }
}
