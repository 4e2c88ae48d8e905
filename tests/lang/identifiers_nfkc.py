# Identifiers are NFKC-normalised (PEP 3131): compatibility forms name the same variable.
ﬁ = 1
print(fi)
ｘ = 2
print(x, ｘ)
𝔘𝔫𝔦 = "fraktur"
print(Uni)
class K:
    ﬂag = 3
    def ｍethod(self, ａrg=4):
        return ａrg + self.flag
k = K()
print(k.flag, k.ﬂag, k.method(), k.method(arg=5), getattr(k, "flag"), hasattr(k, "ﬂag"))
def f(ｋw):
    return kw
print(f(kw=6), f(ｋw=7))
print(sorted(n for n in dir(K) if not n.startswith("_")))
print("ﬁ" == "fi", len("ﬁ"))  # strings are not normalised
d = {"ﬁ": 1}
print(list(d))
print([name for name in globals() if name in ("fi", "x", "Uni", "ﬁ")])
d = {"ﬁ": "key"}
print(f"{ｘ} ﬁ {ﬁ!r:>4} {{ﬁ}} {d['ﬁ']} {K.ﬂag}")
