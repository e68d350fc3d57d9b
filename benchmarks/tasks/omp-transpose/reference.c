#define TILE 32

void transpose(const double *A, double *B, int rows, int cols) {
#pragma omp parallel for collapse(2) schedule(static)
    for (int ib = 0; ib < rows; ib += TILE)
        for (int jb = 0; jb < cols; jb += TILE) {
            int ie = ib + TILE < rows ? ib + TILE : rows;
            int je = jb + TILE < cols ? jb + TILE : cols;
            for (int i = ib; i < ie; i++)
                for (int j = jb; j < je; j++) B[(long)j * rows + i] = A[(long)i * cols + j];
        }
}
