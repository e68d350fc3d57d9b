/* Bug: rows and cols mixed up in the index of B (only right for square matrices). */
void transpose(const double *A, double *B, int rows, int cols) {
#pragma omp parallel for
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) B[(long)j * cols + i] = A[(long)i * cols + j];
}
