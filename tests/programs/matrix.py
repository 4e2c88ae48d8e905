# Matrix multiplication, transpose, identity, powers (Fibonacci via matrices) and Gaussian elimination.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    assert len(a[0]) == m
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]

def transpose(a):
    return [list(row) for row in zip(*a)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def matpow(a, e):
    result = identity(len(a))
    while e:
        if e & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        e >>= 1
    return result

def show(m):
    for row in m:
        print(" ".join(f"{x:>6}" for x in row))

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
show(transpose(a))
print(matmul(identity(3), b) == b)
print("fib(90) =", matpow([[1, 1], [1, 0]], 90)[0][1])
print("fib(300) =", matpow([[1, 1], [1, 0]], 300)[0][1])
n = 12
m = [[(i * j + 1) % 7 for j in range(n)] for i in range(n)]
sq = matmul(m, m)
print(sum(map(sum, sq)), sq[5][:6], matmul(transpose(m), m) == transpose(matmul(transpose(m), m)))

def solve(A, bvec):
    n = len(A)
    M = [list(map(float, row)) + [float(v)] for row, v in zip(A, bvec)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(M[r][col]))
        M[col], M[pivot] = M[pivot], M[col]
        for r in range(n):
            if r != col:
                f = M[r][col] / M[col][col]
                M[r] = [x - f * y for x, y in zip(M[r], M[col])]
    return [round(M[i][n] / M[i][i], 9) for i in range(n)]
print(solve([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3]))
