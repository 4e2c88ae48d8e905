#include <stdlib.h>
#include "proj.h"

struct proj_acc { int n, cap; int *items; };
int proj_instances = 0;

proj_acc *proj_new(void) {
    proj_acc *a = calloc(1, sizeof *a);
    proj_instances++;
    return a;
}

void proj_add(proj_acc *a, int v) {
    if (a->n == a->cap) {
        a->cap = a->cap ? 2 * a->cap : 4;
        a->items = realloc(a->items, a->cap * sizeof(int));
    }
    a->items[a->n++] = v;
}

void proj_stats(const proj_acc *a, struct proj_stats *out) {
    long sum = 0;
    int i;
    out->count = a->n;
    out->max = a->n ? a->items[0] : 0;
    for (i = 0; i < a->n; i++) {
        sum += a->items[i];
        if (a->items[i] > out->max) out->max = a->items[i];
    }
    out->mean = a->n ? (double)sum / a->n : 0.0;
    out->flags = (proj_small)(a->n > 3 ? 0x8001 : 1);
}

int proj_each(const proj_acc *a, proj_visit_fn fn, void *userdata) {
    int i, total = 0;
    for (i = 0; i < a->n; i++) total += fn(userdata, a->items[i]);
    return total;
}

void proj_free(proj_acc *a) {
    free(a->items);
    free(a);
    proj_instances--;
}
