# Unbounded recursion gives RecursionError, which can be caught; the interpreter keeps working.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError caught:", "maximum recursion depth exceeded" in str(e))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
class Node:
    def __init__(self):
        self.me = self
    def walk(self):
        return self.me.walk()
try:
    Node().walk()
except RuntimeError as e:
    print("caught as RuntimeError:", type(e).__name__)
sys.setrecursionlimit(200)
try:
    down(0)
except RecursionError:
    print("caught with a lower limit")
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(150))
sys.setrecursionlimit(1000)
print(depth(900))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(len(str(fact(500))))
