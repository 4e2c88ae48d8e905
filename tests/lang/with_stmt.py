# with statements: custom context managers, exceptions inside, suppression, nesting.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
def early_return():
    with CM("ret"):
        return "returned"
print(early_return())
for n in range(3):
    with CM(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
class Resource:
    opened = 0
    def __enter__(self):
        Resource.opened += 1
        return self
    def __exit__(self, *a):
        Resource.opened -= 1
        return False
with Resource() as r1:
    with Resource() as r2:
        print("opened", Resource.opened, r1 is not r2)
print("opened after", Resource.opened)
class Transaction:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        self.log.append("begin")
        return self
    def __exit__(self, t, e, tb):
        self.log.append("rollback" if t else "commit")
        return t is ZeroDivisionError
log = []
with Transaction(log):
    x = 1
with Transaction(log):
    1 / 0
try:
    with Transaction(log):
        [][1]
except IndexError:
    log.append("IndexError escaped")
print(log)
with CM("noas"):
    pass
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print("exit exception wins:", e, "| context:", repr(e.__context__))
