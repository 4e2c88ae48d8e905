# A hand-written JSON-like serializer and pretty printer, plus a small parser for round trips.
def escape(s):
    out = []
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif ord(c) < 32:
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'

def dump(v, indent=0, step=2):
    pad = " " * indent
    inner = " " * (indent + step)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return escape(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[\n" + ",\n".join(inner + dump(x, indent + step) for x in v) + "\n" + pad + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [inner + escape(str(k)) + ": " + dump(x, indent + step) for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    raise TypeError(f"cannot serialize {type(v).__name__}")

class Parser:
    def __init__(self, text):
        self.s, self.i = text, 0
    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \n\t":
            self.i += 1
    def value(self):
        self.ws()
        c = self.s[self.i]
        if c == "{":
            self.i += 1
            d = {}
            self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return d
            while True:
                self.ws()
                k = self.value()
                self.ws()
                assert self.s[self.i] == ":"
                self.i += 1
                d[k] = self.value()
                self.ws()
                if self.s[self.i] == ",":
                    self.i += 1
                    continue
                self.i += 1
                return d
        if c == "[":
            self.i += 1
            l = []
            self.ws()
            if self.s[self.i] == "]":
                self.i += 1
                return l
            while True:
                l.append(self.value())
                self.ws()
                if self.s[self.i] == ",":
                    self.i += 1
                    continue
                self.i += 1
                return l
        if c == '"':
            self.i += 1
            out = []
            while self.s[self.i] != '"':
                ch = self.s[self.i]
                if ch == "\\":
                    self.i += 1
                    e = self.s[self.i]
                    if e == "u":
                        out.append(chr(int(self.s[self.i + 1:self.i + 5], 16)))
                        self.i += 4
                    else:
                        out.append({"n": "\n", '"': '"', "\\": "\\"}[e])
                else:
                    out.append(ch)
                self.i += 1
            self.i += 1
            return "".join(out)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        j = self.i
        while j < len(self.s) and self.s[j] in "+-0123456789.eE":
            j += 1
        text = self.s[self.i:j]
        self.i = j
        return float(text) if any(c in text for c in ".eE") else int(text)

doc = {
    "name": "minipy",
    "version": [0, 1, 0],
    "features": {"gc": "moving", "generations": 2, "stress": True, "ffi": None},
    "numbers": [1, -2, 3.5, 1e-7, 10 ** 20],
    "quote": 'say "hi"\n\tand \\ leave',
    "empty": {"list": [], "dict": {}},
    "nested": [[1, [2, [3, []]]], {"a": {"b": {"c": "deep"}}}],
}
text = dump(doc)
print(text)
back = Parser(text).value()
print(back == doc, dump(back, step=1) == dump(doc, step=1))
print(dump([1, (2, 3)], step=4))
try:
    dump({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
