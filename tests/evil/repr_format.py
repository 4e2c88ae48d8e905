# __repr__ / __str__ / __format__ hooks that allocate (and mutate the container being printed).
from _evil import churn, case


class R:
    def __init__(self, name, side=None):
        self.name = name
        self.side = side

    def __repr__(self):
        churn()
        if self.side is not None:
            s, self.side = self.side, None
            s()
        return "R<" + self.name + ">"

    def __str__(self):
        churn()
        return "str:" + self.name

    def __format__(self, spec):
        churn()
        return "fmt(" + self.name + "," + spec + ")"


case("repr(R)", lambda: repr(R("a")))
case("str(R)", lambda: str(R("b")))
case("repr(list of R)", lambda: repr([R("x"), 1, R("y")]))
case("repr(tuple of R)", lambda: repr((R("x"), "s", R("y"))))
case("repr(dict of R)", lambda: repr({"k": R("v"), "j": [R("w")]}))
case("repr(dict with R keys)", lambda: repr({R("k"): 1}))
case("repr(set of R)", lambda: repr({R("only")}))
case("str(list of R)", lambda: str([R("uses repr")]))
case("f-string {R}", lambda: f"<{R('f')}>")
case("f-string {R!r}", lambda: f"<{R('f')!r}|{R('g')!s}>")
case("f-string {R:spec}", lambda: f"{R('f'):>10}")
case("format(R, spec)", lambda: format(R("z"), "x^5"))
case("str.format", lambda: "{0}|{1!r}|{0:abc}".format(R("p"), R("q")))
case("str.format nested", lambda: "{a[0]}-{b}".format(a=[R("n")], b=R("m")))
case("'%s %r' % (R, R)", lambda: "%s %r" % (R("s"), R("r")))
case("'%s' % R", lambda: "%s" % R("single"))
case("'%-8s|' % R", lambda: "%-12s|" % R("pad"))
case("'%a' % R", lambda: "%a" % (R("ascii"),))

def repr_clears_list():
    l = [1, 2, 3]
    l.insert(1, R("clr", l.clear))
    return repr(l)
case("repr(list) cleared by item __repr__", repr_clears_list)

def repr_grows_list():
    l = [1, 2]
    l.append(R("grow", lambda: l.extend(["a", "b"])))
    return repr(l)
case("repr(list) grown by item __repr__", repr_grows_list)

def repr_clears_dict():
    d = {"a": 1}
    d["b"] = R("clr", d.clear)
    d["c"] = 3
    return repr(d)
case("repr(dict) cleared by value __repr__", repr_clears_dict)

def repr_grows_dict():
    d = {"a": 1}
    d["b"] = R("grow", lambda: d.update({"z%d" % i: i for i in range(30)}))
    return repr(d)[:40]
case("repr(dict) grown by value __repr__", repr_grows_dict)

def repr_set_mutated():
    s = set()
    s.add(R("grow", lambda: s.update(range(50))))
    return len(repr(s)) > 0
case("repr(set) grown by item __repr__", repr_set_mutated)

def print_r():
    print(R("printed"), [R("in list")], sep=" ; ")
    return "ok"
case("print(R, [R])", print_r)

def join_str_map():
    return ",".join(map(str, [R("a"), R("b")]))
case("','.join(map(str, R...))", join_str_map)

def recursive_list():
    l = [R("r")]
    l.append(l)
    return repr(l)
case("repr of self-containing list with R", recursive_list)


class BadRepr:
    def __repr__(self):
        churn()
        return 42


class BadFormat:
    def __format__(self, spec):
        churn()
        return None


case("repr returns non-str", lambda: repr([BadRepr()]))
case("format returns non-str", lambda: f"{BadFormat()}")
case("repr(young str) in container", lambda: repr(["a" * 3 + "'", ("\n" + "b",)]))
