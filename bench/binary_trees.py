# binary_trees.py - allocation-heavy: builds and walks many short-lived binary
# trees of class instances (the Benchmarks Game "binary-trees" shape), plus one
# long-lived tree that survives the whole run (stresses a generational GC).
import sys

MAX_DEPTH = 13   # deepest trees built; work roughly doubles per +1

if len(sys.argv) > 1:
    MAX_DEPTH = int(sys.argv[1])

MIN_DEPTH = 4


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make_tree(depth), make_tree(depth))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def main():
    max_depth = MAX_DEPTH
    if max_depth < MIN_DEPTH + 2:
        max_depth = MIN_DEPTH + 2
    stretch = max_depth + 1
    print(f"stretch tree of depth {stretch}\t check: {check(make_tree(stretch))}")

    long_lived = make_tree(max_depth)

    depth = MIN_DEPTH
    while depth <= max_depth:
        iterations = 2 ** (max_depth - depth + MIN_DEPTH)
        total = 0
        for i in range(iterations):
            total += check(make_tree(depth))
        print(f"{iterations}\t trees of depth {depth}\t check: {total}")
        depth += 2

    print(f"long lived tree of depth {max_depth}\t check: {check(long_lived)}")


main()
