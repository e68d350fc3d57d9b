/*---
id: mpi-type-struct-vector
title: Send a std::vector of structs with an offsetof-based MPI struct type (C++)
descriptions:
  - send a std::vector of my own struct type with MPI in C++
  - build an MPI datatype for a C++ struct with offsetof
  - exchange a variable number of records between neighbours
api: mpi
lang: c++
constructs: [MPI_Type_create_struct, MPI_Type_create_resized, MPI_Probe, MPI_Get_count, MPI_Isend]
pattern: datatype
threads: [1]
ranks: [1, 2, 4]
---*/
#include <mpi.h>

#include <cstddef>
#include <cstdio>
#include <vector>

struct Cell {
    long id;
    float temperature;
    int neighbours[4];
    double volume;
};

// Build the datatype once. offsetof gives the byte position of each field in a
// standard-layout struct; resizing to sizeof(Cell) covers the trailing padding.
static MPI_Datatype make_cell_type() {
    int blocklens[4] = {1, 1, 4, 1};
    MPI_Aint displs[4] = {offsetof(Cell, id), offsetof(Cell, temperature),
                          offsetof(Cell, neighbours), offsetof(Cell, volume)};
    MPI_Datatype types[4] = {MPI_LONG, MPI_FLOAT, MPI_INT, MPI_DOUBLE};
    MPI_Datatype tmp, cell;
    MPI_Type_create_struct(4, blocklens, displs, types, &tmp);
    MPI_Type_create_resized(tmp, 0, sizeof(Cell), &cell);
    MPI_Type_free(&tmp);
    MPI_Type_commit(&cell);
    return cell;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Datatype cell_type = make_cell_type();

    // Rank r sends r + 2 cells to its right neighbour.
    std::vector<Cell> out(rank + 2);
    for (std::size_t k = 0; k < out.size(); k++) {
        Cell &c = out[k];
        c.id = 100L * rank + static_cast<long>(k);
        c.temperature = 20.0f + rank;
        for (int d = 0; d < 4; d++) c.neighbours[d] = rank * 10 + d;
        c.volume = 0.5 * static_cast<double>(k);
    }
    int right = (rank + 1) % size, left = (rank - 1 + size) % size;
    MPI_Request req;
    MPI_Isend(out.data(), static_cast<int>(out.size()), cell_type, right, 0, MPI_COMM_WORLD, &req);

    // The length is unknown to the receiver: probe, size the vector, receive.
    MPI_Status st;
    MPI_Probe(left, 0, MPI_COMM_WORLD, &st);
    int n;
    MPI_Get_count(&st, cell_type, &n);
    std::vector<Cell> in(n);
    MPI_Recv(in.data(), n, cell_type, left, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    MPI_Wait(&req, MPI_STATUS_IGNORE);

    bool ok = n == left + 2;
    for (int k = 0; k < n; k++) {
        const Cell &c = in[k];
        if (c.id != 100L * left + k || c.temperature != 20.0f + left || c.neighbours[3] != left * 10 + 3 ||
            c.volume != 0.5 * k)
            ok = false;
    }
    MPI_Type_free(&cell_type);

    int flag = ok, all_ok;
    MPI_Allreduce(&flag, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (rank == 0) std::printf("received %d cells from rank %d: %s\n", n, left, all_ok ? "PASS" : "FAIL");
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
