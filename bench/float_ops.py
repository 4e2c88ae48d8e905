# float_ops.py - float-heavy code on locals and tuples: a Mandelbrot escape-time loop, a
# numeric integration, sqrt/sin/cos from math, points as tuples and instances.
import math
import sys

N = 250         # Mandelbrot grid size (N x N)
if len(sys.argv) > 1:
    N = int(sys.argv[1])


class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def mandelbrot(n):
    total = 0
    for py in range(n):
        ci = py * 2.0 / n - 1.0
        for px in range(n):
            cr = px * 3.0 / n - 2.0
            zr = zi = 0.0
            it = 0
            while it < 50 and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                it += 1
            total += it
    return total


def integrate(steps):
    h = 1.0 / steps
    s = 0.0
    for k in range(steps):
        x = (k + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h


def points(n):
    pts = [Point(i) for i in range(n)]
    for p in pts:
        p.normalize()
    best = pts[0]
    for p in pts[1:]:
        best = best.maximize(p)
    return best


def main():
    it = mandelbrot(N)
    pi = integrate(N * 2000)
    best = points(N * 800)
    print(f"float_ops({N}): {it} iterations, pi {pi:.10f}, max {best.x:.6f} {best.y:.6f} {best.z:.6f}")


main()
