# Metaclass hooks that allocate a lot (moving the class statement's rooted values) and mutate the class
# or its namespace while the interpreter builds or calls it.
from _evil import churn, case


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        churn()
        return {"prepared": [1] * 10}

    def __new__(mcls, name, bases, ns, **kw):
        churn()
        ns["added"] = name * 2
        cls = super().__new__(mcls, name, bases, ns, **kw)
        churn()
        return cls

    def __init__(cls, name, bases, ns, **kw):
        churn()
        cls.inited = kw
        super().__init__(name, bases, ns)

    def __call__(cls, *a, **k):
        churn()
        cls.calls = getattr(cls, "calls", 0) + 1
        inst = super().__call__(*a, **k)
        churn()
        return inst

    def __repr__(cls):
        churn()
        return "<Meta " + cls.__name__ + ">"

    def __getitem__(cls, k):
        churn()
        cls.last = k
        return (k, [0] * 5)

    def __contains__(cls, k):
        churn()
        return k in cls.prepared

    def __instancecheck__(cls, obj):
        churn()
        cls.checked = obj
        return True

    def __subclasscheck__(cls, sub):
        churn()
        return sub is int


class Base:
    def __init_subclass__(cls, **kw):
        churn()
        cls.sub_kw = sorted(kw)


class A(Base, metaclass=Meta, alpha=[1, 2], beta="b"):
    def __init__(self, v):
        churn()
        self.v = v


case("ns", lambda: (A.prepared, A.added, A.inited, A.sub_kw))
case("call", lambda: (A([5] * 3).v, A.calls))
case("repr", lambda: repr(A))
case("getitem", lambda: (A["k" * 3], A.last))
case("contains", lambda: (1 in A, 2 in A))
case("isinstance", lambda: (isinstance(7, A), A.checked, isinstance(3, (str, A))))
case("issubclass", lambda: (issubclass(int, A), issubclass(str, (A, bytes))))


class B(A):
    pass


case("derived", lambda: (type(B).__name__, B.added, B.sub_kw, B(9).v, B.calls))


class Entries:
    def __mro_entries__(self, bases):
        churn()
        return (Base,)


class C(Entries(), metaclass=Meta):
    pass


case("mro_entries", lambda: ([k.__name__ for k in C.__mro__], type(C.__orig_bases__[0]).__name__))
