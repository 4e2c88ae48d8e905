"""String constants, capwords, Template and Formatter (CPython's string module, written for
minipy from its documentation).

Template placeholders are parsed by hand (no re module): a subclass may change `delimiter`, but
`idpattern`, `braceidpattern` and `pattern` are not consulted; identifiers are ASCII
`[_a-zA-Z][_a-zA-Z0-9]*` (CPython's default is case-insensitive ASCII too).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace",
           "Formatter", "Template"]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize each word, join with sep (or one space)."""
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


# ---- Template ----------------------------------------------------------------------------------

_ID_START = "_" + ascii_letters
_ID_REST = _ID_START + digits


class _Missing:
    pass


class Template:
    """$-substitution: $name or ${name}; $$ is a literal $."""

    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)

    def _scan(self):
        """Yields (kind, text, start): kind 'text', 'escaped', 'named', 'braced' or 'invalid'."""
        t = self.template
        d = self.delimiter
        n = len(t)
        i = 0
        lit_start = 0
        while True:
            j = t.find(d, i)
            if j < 0:
                break
            if j > lit_start:
                yield "text", t[lit_start:j], lit_start
            k = j + len(d)
            if t.startswith(d, k):
                yield "escaped", d, j
                i = lit_start = k + len(d)
                continue
            if k < n and t[k] in _ID_START:
                e = k + 1
                while e < n and t[e] in _ID_REST:
                    e += 1
                yield "named", t[k:e], j
                i = lit_start = e
                continue
            if k < n and t[k] == "{":
                e = k + 1
                if e < n and t[e] in _ID_START:
                    e += 1
                    while e < n and t[e] in _ID_REST:
                        e += 1
                    if e < n and t[e] == "}":
                        yield "braced", t[k + 1:e], j
                        i = lit_start = e + 1
                        continue
            yield "invalid", "", k
            i = lit_start = k
        if lit_start < n:
            yield "text", t[lit_start:], lit_start

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))

    def substitute(self, mapping=_Missing, /, **kws):
        if mapping is _Missing:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        for kind, text, pos in self._scan():
            if kind in ("text", "escaped"):
                out.append(text)
            elif kind == "invalid":
                self._invalid(pos)
            else:
                out.append("%s" % (mapping[text],))
        return "".join(out)

    def safe_substitute(self, mapping=_Missing, /, **kws):
        if mapping is _Missing:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        d = self.delimiter
        for kind, text, pos in self._scan():
            if kind in ("text", "escaped"):
                out.append(text)
            elif kind == "invalid":
                out.append(d)  # pos is after the delimiter
            else:
                try:
                    out.append("%s" % (mapping[text],))
                except KeyError:
                    out.append(d + text if kind == "named" else d + "{" + text + "}")
        return "".join(out)

    def is_valid(self):
        return all(kind != "invalid" for kind, _, _ in self._scan())

    def get_identifiers(self):
        ids = []
        for kind, text, _ in self._scan():
            if kind in ("named", "braced") and text not in ids:
                ids.append(text)
        return ids


class _ChainMap:
    def __init__(self, first, second):
        self.first, self.second = first, second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


# ---- Formatter ---------------------------------------------------------------------------------

def _parse(s):
    """Yields (literal_text, field_name, format_spec, conversion) as str.format reads s."""
    n = len(s)
    i = 0
    lit = []
    while i < n:
        c = s[i]
        if c == "{":
            if i + 1 < n and s[i + 1] == "{":
                # an escaped brace ends a literal piece, as CPython's parser yields it
                lit.append("{")
                yield "".join(lit), None, None, None
                lit = []
                i += 2
                continue
            if i + 1 == n:
                raise ValueError("Single '{' encountered in format string")
            # a field: up to the matching '}' (nested {} in the spec count)
            depth = 1
            j = i + 1
            while j < n:
                if s[j] == "{":
                    depth += 1
                elif s[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                if depth > 1 or "{" in s[i + 1:]:
                    raise ValueError("unmatched '{' in format spec")
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            name, conv, spec = _split_field(field)
            yield "".join(lit), name, spec, conv
            lit = []
            i = j + 1
        elif c == "}":
            if i + 1 < n and s[i + 1] == "}":
                lit.append("}")
                yield "".join(lit), None, None, None
                lit = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            lit.append(c)
            i += 1
    if lit:
        yield "".join(lit), None, None, None


def _split_field(field):
    """field 'name!r:spec' -> (name, conversion or None, spec)."""
    # the name ends at the first '!' or ':' outside brackets
    i = 0
    n = len(field)
    while i < n:
        c = field[i]
        if c == "[":
            while i < n and field[i] != "]":
                i += 1
        elif c in "!:":
            break
        i += 1
    name = field[:i]
    conv = None
    spec = ""
    if i < n and field[i] == "!":
        if i + 1 >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conv = field[i + 1]
        i += 2
        if i < n and field[i] != ":":
            raise ValueError("expected ':' after conversion specifier")
    if i < n and field[i] == ":":
        spec = field[i + 1:]
    return name, conv, spec


def _field_name_split(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)]); numeric first parts become ints."""
    i = 0
    n = len(name)
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == ".":
            j = i + 1
            while j < n and name[j] not in ".[":
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif name[i] == "[":
            j = name.find("]", i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """str.format as overridable steps: parse, get_field/get_value, convert_field, format_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == "":
                    if auto_arg_index is False:
                        raise ValueError("cannot switch from manual field specification to "
                                         "automatic field numbering")
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError("cannot switch from manual field specification to "
                                         "automatic field numbering")
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _parse(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
