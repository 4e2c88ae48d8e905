# Scoping rules: local/global/enclosing/builtin lookup, class bodies, shadowing builtins.
x = "global"
def f():
    return x
def g():
    x = "local"
    return x, f()
print(f(), g(), x)
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
class Scope:
    x = "class"
    y = x + "-derived"
    def method(self):
        return x
    def method2(self):
        return self.x, Scope.y
print(Scope.x, Scope.y, Scope().method(), Scope().method2())
def outer():
    v = 1
    def middle():
        def inner():
            return v
        return inner
    v = 2
    return middle()()
print(outer())
def loop_var():
    for i in range(3):
        pass
    return i
print(loop_var())
n = 0
def modify_global():
    global n
    for _ in range(5):
        n += 1
modify_global()
print(n)
def nested_nonlocal():
    a = 0
    def one():
        nonlocal a
        a += 1
        def two():
            nonlocal a
            a += 10
        two()
    one(); one()
    return a
print(nested_nonlocal())
def params_are_locals(a, b=[]):
    a = a * 2
    b = b + [a]
    return a, b
print(params_are_locals(3), params_are_locals(4))
def comprehension_scope():
    y = 10
    return [y * i for i in range(3)], {i: y for i in range(2)}
print(comprehension_scope())
def del_local():
    z = 1
    del z
    try:
        return z
    except NameError as e:
        return type(e).__name__
print(del_local())
print = print
def uses_print():
    print("builtins still reachable")
uses_print()
