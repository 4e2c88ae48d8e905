# str subclasses with their own __eq__/__hash__ as dict keys, set members and list items: every
# lookup must call them (the str fast paths apply to exact strs only), as CPython does.


class CI(str):
    """Case-insensitive str."""

    def __eq__(self, other):
        if isinstance(other, str):
            return str.__eq__(self.lower(), other.lower())
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash(str(self).lower())


d = {"alias": 1, "other": 2}
print(d.get(CI("ALIAS")), CI("ALIAS") in d, d[CI("Other")])
print(d.pop(CI("OTHER")), d)
d[CI("ALIAS")] = 10
print(d, [type(k).__name__ for k in d])

f = {CI("Alias"): 2}
print(f.get("alias"), "alias" in f, f["alias"], f.get(CI("aLiAs")))
f["alias"] = 3
print(len(f), list(f.values()), [type(k).__name__ for k in f])
del f[CI("ALIAS")]
print(f)
print(f.setdefault("x", 0), f.setdefault(CI("X"), 1), f)

s = {"alias", "b"}
print(CI("ALIAS") in s, CI("c") in s)
s.add(CI("B"))
print(len(s))
t = {CI("Q")}
print("q" in t, "Q" in t, "r" in t)

items = ["x", "alias", "y"]
print(items.index(CI("ALIAS")), items.count(CI("X")), CI("Y") in items)
print(CI("abc") == "ABC", "ABC" == CI("abc"), CI("abc") != "ABC", ("abc",) == (CI("ABC"),))


class Plain(str):
    pass


p = {Plain("k"): 1, "j": 2}
print(p["k"], p[Plain("j")], Plain("k") in p, "k" in p)


# an __eq__ that mutates the dict during the lookup: CPython restarts it on the new table
class Evil(str):
    def __eq__(self, other):
        if isinstance(other, str) and str(self) == str(other) and not done:
            done.append(1)
            junk = [list(range(50)) for _ in range(200)]
            target.clear()
            target.update({str(self): "after"})
            return True
        return NotImplemented

    def __hash__(self):
        return str.__hash__(self)


done = []
target = {"key": "before"}
print(target.get(Evil("key")), target)

# str() and format() of a str subclass instance are exact strs (unless it defines __str__)
s = Plain("a")
print([type(x).__name__ for x in (str(s), s.__str__(), format(s), f"{s}", "%s" % s, s + "", f"{s!s}")])


class Shout(str):
    def __str__(self):
        return "LOUD"


print(str(Shout("q")), format(Shout("q")), f"{Shout('q')}", type(str(Shout("q"))).__name__)
