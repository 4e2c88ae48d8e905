# stress: 10
# Heavy churn: many short-lived objects, a few kept, in a long-lived container.
import gc

keep = []
gc.collect()
for i in range(20000):
    tmp = {"i": i, "l": [i, i + 1], "s": str(i)}
    t2 = (tmp, [tmp["s"]] * 2)
    if i % 1000 == 0:
        keep.append(t2)
print(len(keep), keep[3][0], keep[-1][1])
gc.collect()
print(sum(k[0]["i"] for k in keep), all(k[1][0] == k[0]["s"] for k in keep))
matrix = [[0] * 50 for _ in range(50)]
gc.collect()
for step in range(5):
    for r in range(50):
        for c in range(50):
            matrix[r][c] = (r * c + step, str(step))
print(matrix[49][49], matrix[10][3])
gc.collect(0)
print(sum(row[-1][0] for row in matrix))
