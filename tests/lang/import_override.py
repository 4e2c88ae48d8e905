# A Python function assigned to builtins.__import__ receives every import statement's
# (name, globals, locals, fromlist, level) and its result is what gets bound.
import builtins

orig = builtins.__import__
calls = []

def fake(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, fromlist, level, type(globals).__name__, type(locals).__name__))
    class M:
        x = 1
        y = 2
    return M

builtins.__import__ = fake
try:
    import pkg_a
    import pkg_a.sub
    from pkg_b import x
    from pkg_b.sub import x, y
    def inside():
        import pkg_c
        from pkg_d import y as z
        return pkg_c.x, z
    r = inside()
finally:
    builtins.__import__ = orig
for c in calls:
    print(c)
print(pkg_a.x, x, y, r)
import math
print(math.sqrt(4))
