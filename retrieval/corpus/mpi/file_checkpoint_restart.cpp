/*---
id: mpi-file-checkpoint-restart
title: Checkpoint and restart a distributed array with a header using MPI-IO (C++)
descriptions:
  - save the state of my simulation to a file from all ranks and read it back
  - checkpoint restart with MPI_File_write_at_all and MPI_File_read_at_all
  - write a header from rank 0 followed by the data of all processes
api: mpi
lang: c++
constructs: [MPI_File_open, MPI_File_write_at, MPI_File_write_at_all, MPI_File_read_at_all, MPI_Exscan, MPI_File_delete]
pattern: io
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>

#include <cstdio>
#include <vector>

struct Header {
    long step;
    long nglobal;
    double time;
};

static const char *kFile = "mpi_io_checkpoint.bin";

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    // State: uneven pieces of a global array, and the simulation clock.
    const long nglobal = 777;
    long nloc = nglobal / size + (rank < nglobal % size), first = 0;
    MPI_Exscan(&nloc, &first, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) first = 0;
    std::vector<double> u(nloc);
    for (long i = 0; i < nloc; i++) u[i] = 1.0 / (first + i + 1);
    Header h{42, nglobal, 4.2};

    // --- checkpoint: header (rank 0), then all data collectively after it ---
    const MPI_Offset data_start = sizeof(Header);
    MPI_File fh;
    if (MPI_File_open(MPI_COMM_WORLD, kFile, MPI_MODE_CREATE | MPI_MODE_WRONLY, MPI_INFO_NULL, &fh) != MPI_SUCCESS)
        MPI_Abort(MPI_COMM_WORLD, 1);
    if (rank == 0) MPI_File_write_at(fh, 0, &h, sizeof h, MPI_BYTE, MPI_STATUS_IGNORE);
    MPI_File_write_at_all(fh, data_start + first * (MPI_Offset)sizeof(double), u.data(), static_cast<int>(nloc),
                          MPI_DOUBLE, MPI_STATUS_IGNORE);
    MPI_File_close(&fh);

    // --- restart: every rank reads the header, then its own slice ---
    Header r{0, 0, 0.0};
    std::vector<double> v(nloc, -1.0);
    MPI_File_open(MPI_COMM_WORLD, kFile, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh);
    MPI_File_read_at_all(fh, 0, &r, sizeof r, MPI_BYTE, MPI_STATUS_IGNORE);
    MPI_File_read_at_all(fh, data_start + first * (MPI_Offset)sizeof(double), v.data(), static_cast<int>(nloc),
                         MPI_DOUBLE, MPI_STATUS_IGNORE);
    MPI_File_close(&fh);

    bool ok = r.step == h.step && r.nglobal == nglobal && r.time == h.time && v == u;
    int flag = ok, all_ok;
    MPI_Allreduce(&flag, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) {
        MPI_File_delete(kFile, MPI_INFO_NULL); // everyone has closed the file
        std::printf("restarted at step %ld with %ld values: %s\n", r.step, r.nglobal, all_ok ? "PASS" : "FAIL");
    }
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
