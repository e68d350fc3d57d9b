#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    size_t bytes = 10UL * 1024 * 1024 * 1024; /* 10 GiB */
    char *p = malloc(bytes);
    if (p == NULL) {
        printf("malloc of 10 GiB failed\n");
        return 3;
    }
    memset(p, 1, bytes);
    printf("allocated\n");
    return 0;
}
