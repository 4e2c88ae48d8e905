import string
from string import Template, Formatter, capwords


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable), repr(string.printable[-8:]))
print(capwords("hello  wORLD  foo"), capwords(" a-b c-d ", "-"), repr(capwords("")))

t = Template("$who likes ${what}; $$5 costs $$")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "a", "what": "b"}))
print(t.substitute({"who": "a", "what": "b"}, who="kw"))
print(t.safe_substitute(who="x"), t.get_identifiers(), t.is_valid(), t.template)
print(Template("$a$b ${c}d $_x9 $9").safe_substitute(a=1, b=2, c=3, _x9=4))
print(Template("tail $").safe_substitute(), Template("${bad name}").safe_substitute())
print(Template("$x $x ${y}").get_identifiers(), Template("$ x").is_valid())
err(lambda: t.substitute(who="only"))
err(lambda: Template("line1\nab $ c").substitute())
err(lambda: Template("$").substitute())
err(lambda: Template("${9}").substitute())
class Pct(Template):
    delimiter = "%"
print(Pct("%who is %%ok %{x}").substitute(who="me", x=1))

f = Formatter()
print(f.format("{0} {1!r} {name:>5} {{x}}", "a", "b", name="n"))
print(f.format("{} {}", 1, 2), f.format("{0[1]} {p.real}", [5, 6], p=3), f.format("{:{w}.{p}f}", 3.14159, w=8, p=2))
print(list(f.parse("a{0}b{name!s:^4}{{c}}")), list(f.parse("")), list(f.parse("{}")))
print(f.get_field("0.real", [5], {}), f.get_field("k[0]", (), {"k": "xy"}))
print(f.convert_field(1, "r"), f.convert_field("é", "a"), f.format_field(5, "03d"))
print(f.vformat("{a}-{0}", (1,), {"a": 2}))
err(lambda: f.format("{0} {}", 1, 2))
err(lambda: f.format("{} {0}", 1, 2))
err(lambda: f.format("}"))
err(lambda: f.format("{"))
err(lambda: f.format("{0!x}", 1))
err(lambda: f.format("{1}", 1))
err(lambda: f.format("{k}"))
class Upper(Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)
print(Upper().format("{0} and {missing} {x:>3}", "abc", x="q"))
class Strict(Formatter):
    def check_unused_args(self, used, args, kwargs):
        unused = set(kwargs) - set(k for k in used if isinstance(k, str))
        if unused:
            raise ValueError("unused: %s" % sorted(unused))
err(lambda: Strict().format("{a}", a=1, b=2))
