# An exception class whose __new__ returns a non-exception: raise and throw() give CPython's
# TypeError; a __new__ returning another exception is raised as that one.
# Also: a function's __globals__/__closure__ are read-only and __code__ takes only code objects.
class Other(BaseException):
    pass

class Good(BaseException):
    def __new__(cls, *a):
        return Other(*a)

class Bad(BaseException):
    def __new__(cls, *a):
        return 1

def gen():
    yield

try:
    raise Good("msg")
except BaseException as e:
    print(type(e).__name__, e.args)
for thunk in (lambda: gen().throw(Bad), lambda: gen().throw(Bad, "v"), lambda: gen().throw(Good)):
    try:
        thunk()
    except BaseException as e:
        print(type(e).__name__, e)
try:
    raise Bad
except Exception as e:
    print(type(e).__name__, e)
try:
    raise Bad("x")
except Exception as e:
    print(type(e).__name__, e)

def foo():
    pass
for name, val in (("__globals__", {}), ("__closure__", None), ("__code__", None)):
    try:
        setattr(foo, name, val)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(foo.__globals__ is globals())
