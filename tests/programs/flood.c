#include <stdio.h>

int main(void) {
    for (long i = 0; i < 3000000; i++) printf("line %ld of a very chatty program\n", i);
    return 0;
}
