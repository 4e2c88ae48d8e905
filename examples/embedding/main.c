/* A plain C program using libplugin.so (built by plugin_build.py): the first call starts the
   Python runtime and runs the plugin's init code; every call runs a @ffi.def_extern() function. */
#include <pthread.h>
#include <stdio.h>

struct point { int x; int y; };
int add(int a, int b);
double scale(double x, double factor);
int count_char(const char *s, char c);
int greet(const char *name, char *out, int size);
long norm1_and_flip(struct point *p);
int fail(int x);
int churn(int n);
int calls(void);

static void *worker(void *arg) {
    long total = 0;
    for (int i = 0; i < 50; i++)
        total += add(i, (int)(long)arg);
    return (void *)total;
}

int main(void) {
    /* line-buffered, so that C and Python output interleave in call order with any runtime */
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("main: starting\n");
    printf("add(2, 3) = %d\n", add(2, 3));
    printf("add(-7, 100) = %d\n", add(-7, 100));
    printf("scale(1.5, 4.0) = %.3f\n", scale(1.5, 4.0));
    printf("count_char(\"mississippi\", 's') = %d\n", count_char("mississippi", 's'));
    char buf[32];
    int n = greet("world", buf, sizeof buf);
    printf("greet -> %d \"%s\"\n", n, buf);
    n = greet("a rather long name that will not fit", buf, 16);
    printf("greet -> %d \"%s\"\n", n, buf);
    struct point p = {3, -4};
    long norm = norm1_and_flip(&p);
    printf("norm1_and_flip -> %ld, p = {%d, %d}\n", norm, p.x, p.y);
    printf("fail(4) = %d\n", fail(4));
    printf("fail(0) = %d\n", fail(0));
    for (int round = 0; round < 3; round++)
        printf("churn(5000) = %d\n", churn(5000));
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    long total = 0;
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        total += (long)r;
    }
    printf("4 threads x 50 calls: total %ld\n", total);
    printf("calls() = %d\n", calls());
    printf("main: done\n");
    return 0;
}
