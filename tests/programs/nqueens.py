# N-queens: count all solutions for n = 1..8 and print the first solution for n = 8.
def solve(n):
    solutions = []
    cols = [0] * n
    used_cols, diag1, diag2 = set(), set(), set()
    def place(row):
        if row == n:
            solutions.append(list(cols))
            return
        for c in range(n):
            if c in used_cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols[row] = c
            used_cols.add(c); diag1.add(row + c); diag2.add(row - c)
            place(row + 1)
            used_cols.discard(c); diag1.discard(row + c); diag2.discard(row - c)
    place(0)
    return solutions

for n in range(1, 9):
    print(n, len(solve(n)))
first = solve(8)[0]
for c in first:
    print(" ".join("Q" if i == c else "." for i in range(8)))
