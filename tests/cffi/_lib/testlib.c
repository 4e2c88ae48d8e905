/* testlib: a small C library for the cffi tests. It keeps what Python gives it (handles,
 * callbacks, pointers into ffi.new memory) across calls, so the tests can check that those stay
 * valid while the GC moves Python objects in between. Built by interp/tests/cffi_lib.rs:
 *     cc -shared -fPIC -o libtestlib.so testlib.c                                              */
#include <stdlib.h>
#include <string.h>

typedef int (*tl_cb_t)(void *handle, int value);

struct tl_point { int x, y; };
struct tl_node { int value; struct tl_node *next; };

int tl_counter = 0;
const char *tl_name = "testlib";
int tl_array[4] = {1, 2, 3, 4};

static void *stored_handle;
static tl_cb_t stored_cb;
static int *stored_ptrs[16];
static int stored_lens[16];
static int nstored;

void tl_store_handle(void *h) { stored_handle = h; }
void *tl_get_handle(void) { return stored_handle; }

void tl_register(tl_cb_t cb, void *h) { stored_cb = cb; stored_handle = h; }
int tl_fire(int value) {
    tl_counter++;
    return stored_cb ? stored_cb(stored_handle, value) : -1;
}
/* calls the registered callback n times, summing the results */
int tl_fire_many(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += tl_fire(i);
    return s;
}

void tl_store_ptr(int *p, int n) {
    stored_ptrs[nstored % 16] = p;
    stored_lens[nstored % 16] = n;
    nstored++;
}
int tl_sum_stored(void) {
    int s = 0, k = nstored < 16 ? nstored : 16;
    for (int i = 0; i < k; i++)
        for (int j = 0; j < stored_lens[i]; j++) s += stored_ptrs[i][j];
    return s;
}
void tl_clear_stored(void) { nstored = 0; }

struct tl_point tl_make_point(int x, int y) { struct tl_point p = {x, y}; return p; }
int tl_point_sum(struct tl_point p) { return p.x + p.y; }
void tl_point_scale(struct tl_point *p, int k) { p->x *= k; p->y *= k; }

int tl_apply(int (*f)(int), int v) { return f(v); }
double tl_avg(const double *xs, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += xs[i];
    return n ? s / n : 0;
}
void tl_fill(int *out, int n, int start) { for (int i = 0; i < n; i++) out[i] = start + i; }
int tl_list_sum(struct tl_node *n) { int s = 0; for (; n; n = n->next) s += n->value; return s; }
char *tl_upper(char *s) { for (char *p = s; *p; p++) if (*p >= 'a' && *p <= 'z') *p -= 32; return s; }
