# Sizes computed by str/bytes/bytearray methods and repetition are checked before allocating:
# CPython's MemoryError (empty message) or OverflowError, and the program goes on.
import sys


def t(label, f):
    try:
        r = f()
        print(label, "ok", len(r))
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, repr(str(e)))


t("str*10**12", lambda: "a" * 10**12)
t("str*2**62", lambda: "ab" * (2**62))
t("str*2**63", lambda: "a" * (2**63))
t("str*maxsize", lambda: "a" * sys.maxsize)
t("int*str", lambda: 10**12 * "a")
t("nonascii*10**12", lambda: "\xe9" * 10**12)
t("euro*10**12", lambda: "\u20ac" * 10**12)
t("astral*10**12", lambda: "\U0001f600" * 10**12)
t("astral*2**61", lambda: "\U0001f600" * (2**61))
t("bytes*10**12", lambda: b"x" * 10**12)
t("bytes*2**62", lambda: b"ab" * (2**62))
t("bytes*2**63", lambda: b"x" * (2**63))
t("bytearray*10**12", lambda: bytearray(b"x") * 10**12)
t("bytearray*2**62", lambda: bytearray(b"ab") * (2**62))


def imul(x, n):
    x *= n
    return x


t("bytearray*=10**12", lambda: imul(bytearray(b"x"), 10**12))
t("bytearray*=2**62", lambda: imul(bytearray(b"ab"), 2**62))
t("str*=2**62", lambda: imul("ab", 2**62))
t("bytes*=10**12", lambda: imul(b"ab", 10**12))
for m in ("ljust", "rjust", "center", "zfill"):
    t("str." + m, lambda: getattr("x", m)(10**12))
    t("str." + m + " maxsize", lambda: getattr("x", m)(sys.maxsize))
    t("str." + m + " 2**63", lambda: getattr("x", m)(2**63))
    t("bytes." + m, lambda: getattr(b"x", m)(10**12))
    t("bytearray." + m, lambda: getattr(bytearray(b"x"), m)(10**12))
    t("bytes." + m + " 2**63", lambda: getattr(b"x", m)(2**63))
t("ljust euro fill", lambda: "x".ljust(10**12, "\u20ac"))
t("center bytes fill", lambda: b"x".center(10**12, b"-"))
t("expandtabs 2**40", lambda: "\t".expandtabs(2**40))
t("expandtabs 2**63", lambda: "\t".expandtabs(2**63))
t("expandtabs -2**31-1", lambda: "\t".expandtabs(-(2**31) - 1))
t("bytes.expandtabs 2**40", lambda: b"\t".expandtabs(2**40))
t("bytearray.expandtabs 2**62", lambda: bytearray(b"\t\t").expandtabs(2**62))
t("replace 10**6 x 10**6", lambda: ("x" * 10**6).replace("x", "y" * 10**6))
t("replace empty old", lambda: ("x" * 10**6).replace("", "y" * 10**7))
t("replace count 2**63", lambda: "x".replace("x", "y", 2**63))
t("bytes.replace", lambda: (b"x" * 10**6).replace(b"x", b"y" * 10**6))
t("bytearray.replace", lambda: (bytearray(b"x") * 10**6).replace(b"x", b"y" * 10**6))
t("join", lambda: ("y" * 10**7).join(["x"] * 10**6))
t("join tuple", lambda: ", ".join(("a" * 10**8,) * 10**5))
t("bytes.join", lambda: (b"y" * 10**7).join([b"x"] * 10**6))
t("bytearray.join", lambda: bytearray(b"y" * 10**7).join([bytearray(b"x")] * 10**6))
t("split maxsplit 2**63", lambda: "a b".split(None, 2**63))
# Still working after all that.
print("x".ljust(5, "*"), b"-12".zfill(6), bytearray(b"a\tb").expandtabs(4), "ab" * 3)
print(b"+7".zfill(4), bytearray(b"x").zfill(1), b"a\tbc\r\td\n\te".expandtabs(4))
print(b"x".expandtabs(tabsize=3), b"a\tb".expandtabs(0), b"a\tb".expandtabs(-3))
for bad in (lambda: b"a".expandtabs(1.5), lambda: b"a".zfill("3"), lambda: b"a".zfill()):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
