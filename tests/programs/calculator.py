# A tokenizer and recursive-descent calculator with variables and error reporting.
class Token:
    def __init__(self, kind, value, pos):
        self.kind, self.value, self.pos = kind, value, pos
    def __repr__(self):
        return f"{self.kind}:{self.value}"

class CalcError(Exception):
    pass

def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(Token("num", float(text) if "." in text else int(text), i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(Token("name", src[i:j], i))
            i = j
        elif c in "+-*/%^()=,":
            tokens.append(Token("op", c, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {c!r} at {i}")
    tokens.append(Token("end", None, len(src)))
    return tokens

class Parser:
    FUNCS = {"max": max, "min": min, "abs": abs}

    def __init__(self, tokens, env):
        self.tokens, self.i, self.env = tokens, 0, env

    def peek(self):
        return self.tokens[self.i]

    def take(self, kind=None, value=None):
        t = self.tokens[self.i]
        if (kind and t.kind != kind) or (value and t.value != value):
            raise CalcError(f"expected {value or kind} at {t.pos}, got {t.value!r}")
        self.i += 1
        return t

    def statement(self):
        if self.peek().kind == "name" and self.tokens[self.i + 1].value == "=":
            name = self.take("name").value
            self.take("op", "=")
            value = self.expr()
            self.env[name] = value
            return value
        return self.expr()

    def expr(self):
        v = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            r = self.term()
            v = v + r if op == "+" else v - r
        return v

    def term(self):
        v = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            r = self.factor()
            if op != "*" and r == 0:
                raise CalcError("division by zero")
            v = v * r if op == "*" else (v / r if op == "/" else v % r)
        return v

    def factor(self):
        if self.peek().value == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek().value == "^":
            self.take()
            return base ** self.factor()
        return base

    def atom(self):
        t = self.peek()
        if t.kind == "num":
            return self.take().value
        if t.kind == "name":
            name = self.take().value
            if self.peek().value == "(":
                self.take()
                args = [self.expr()]
                while self.peek().value == ",":
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                if name not in self.FUNCS:
                    raise CalcError(f"unknown function {name}")
                return self.FUNCS[name](*args)
            if name not in self.env:
                raise CalcError(f"undefined variable {name}")
            return self.env[name]
        if t.value == "(":
            self.take()
            v = self.expr()
            self.take("op", ")")
            return v
        raise CalcError(f"unexpected {t.value!r} at {t.pos}")

env = {}
lines = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "-4 + 10 / 4",
    "x = 7",
    "y = x * (x - 1) % 5",
    "x + y",
    "big = 2 ^ 100",
    "big % 1000007",
    "max(1, x, 3) + min(4, 2) + abs(-9)",
    "1.5 * 4",
    "1 / 0",
    "1 +",
    "z * 2",
    "3 $ 4",
    "foo(1)",
]
print(tokenize("a = 3 * (b + 1.5)"))
for line in lines:
    try:
        print(f"{line:<35} => {Parser(tokenize(line), env).statement()}")
    except CalcError as e:
        print(f"{line:<35} => error: {e}")
print(sorted(env.items()))
