"""_sysinfo: the Python-level objects of the native sys module, which imports this module when
it is built and copies its public names: the struct sequences (tuple subclasses made by
_structseq: version_info, flags, float_info, int_info, hash_info, thread_info), sys.implementation
(replacing the native sys's), getsizeof, sys.stdin and the binary `buffer`
objects of the standard streams. It must not import sys (it runs while sys is being made).
"""

import _os
import _structseq


def _record(name, fields):
    """A maker of the one instance of a struct sequence (a tuple subclass, not creatable)."""
    cls = _structseq.structseq(name, fields, creatable=False)
    return lambda *values: _structseq.make(cls, values)


version_info = _record('sys.version_info', ['major', 'minor', 'micro', 'releaselevel', 'serial'])(
    3, 11, 0, 'final', 0)

flags = _record('sys.flags', [
    'debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site',
    'no_site', 'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization',
    'isolated', 'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path',
    'int_max_str_digits'])(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1)

float_info = _record('sys.float_info', [
    'max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig',
    'epsilon', 'radix', 'rounds'])(
    1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
    2.220446049250313e-16, 2, 1)

int_info = _record('sys.int_info', [
    'bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold'])(
    30, 4, 4300, 640)

hash_info = _record('sys.hash_info', [
    'width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'])(
    64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0)

class _Namespace:
    """sys.implementation: a types.SimpleNamespace look-alike (types imports sys)."""

    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __repr__(self):
        return 'namespace(%s)' % ', '.join('%s=%r' % kv for kv in self.__dict__.items())


# name 'minipy': it is not CPython, even where it follows CPython's behaviour (version says which
# language version it implements)
implementation = _Namespace(name='minipy', cache_tag=None, version=version_info,
                            hexversion=0x30b00f0, _multiarch='x86_64-linux-gnu')

thread_info = _record('sys.thread_info', ['name', 'lock', 'version'])('pthread', 'mutex+cond', None)


def getsizeof(obj, default=None):
    """CPython's sizes (64-bit) for the builtin types; __sizeof__ + 16 for other objects."""
    t = type(obj)
    if obj is None:
        return 16
    if t is bool:
        return 28
    if t is int:
        n = abs(obj)
        digits = 0
        while n:
            n >>= 30
            digits += 1
        return 24 + 4 * max(digits, 1)
    if t is float:
        return 24
    if t is complex:
        return 32
    if t is str:
        if obj.isascii():
            return 49 + len(obj)
        m = max(map(ord, obj))
        if m < 256:
            return 73 + len(obj)
        if m < 65536:
            return 74 + 2 * len(obj)
        return 76 + 4 * len(obj)
    if t is bytes:
        return 33 + len(obj)
    if t is bytearray:
        return 57 + len(obj) if obj else 56
    if t is tuple:
        return 40 + 8 * len(obj)
    if t is list:
        return 56 + 8 * len(obj)
    if t is dict:
        n = len(obj)
        if n == 0:
            return 64
        size = 8
        while size * 2 // 3 < n:
            size *= 2
        return 64 + 8 * size + 24 * (size * 2 // 3) - 8 if size > 8 else 232
    if t in (set, frozenset):
        n = len(obj)
        size = 8
        while size * 3 // 5 < n:
            size *= 2
        return 200 + 16 * (size - 8) if size > 8 else 216
    if t is range:
        return 48
    f = getattr(t, '__sizeof__', None)
    if f is not None and f is not getattr(object, '__sizeof__', None):
        try:
            r = f(obj)
        except Exception:
            if default is not None:
                return default
            raise
        if not isinstance(r, int):
            raise TypeError('an integer is required')
        if r < 0:
            raise ValueError('__sizeof__() should return >= 0')
        return r + 16
    return 56 if hasattr(obj, '__dict__') else 16


class _BinaryOut:
    """sys.stdout.buffer / sys.stderr.buffer: bytes straight to the file descriptor (after the
    text stream's pending output, which _os.write flushes first)."""

    def __init__(self, fd, name):
        self._fd = fd
        self.name = name
        self.mode = 'wb'
        self.closed = False

    def write(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        n = 0
        while n < len(data):
            n += _os.write(self._fd, data[n:])
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        _os.write(self._fd, b'')

    def fileno(self):
        return self._fd

    def isatty(self):
        return _os.isatty(self._fd)

    def writable(self):
        return True

    def readable(self):
        return False

    def __repr__(self):
        return "<_io.FileIO name=%r mode='wb' closefd=False>" % self.name


class _BinaryIn:
    """sys.stdin.buffer: bytes from the process's standard input (shared with input())."""

    def __init__(self):
        self.name = '<stdin>'
        self.mode = 'rb'
        self.closed = False

    def read(self, size=-1):
        return _os.stdin_read(-1 if size is None else size, True)

    def readline(self, size=-1):
        return _os.stdin_readline(-1 if size is None else size, True)

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def fileno(self):
        return 0

    def isatty(self):
        return _os.isatty(0)

    def readable(self):
        return True

    def writable(self):
        return False

    def __repr__(self):
        return '<_io.BufferedReader name=%r>' % self.name


class _TextIn:
    """sys.stdin: text lines from standard input (shared with input())."""

    encoding = 'utf-8'
    errors = 'strict'
    newlines = None
    line_buffering = False

    def __init__(self):
        self.name = '<stdin>'
        self.mode = 'r'
        self.closed = False
        self.buffer = _BinaryIn()

    def read(self, size=-1):
        if size is None:
            size = -1
        return _os.stdin_read(size, False)

    def readline(self, size=-1):
        if size is None:
            size = -1
        return _os.stdin_readline(size, False)

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass

    def close(self):
        self.closed = True

    def fileno(self):
        return 0

    def isatty(self):
        return _os.isatty(0)

    def readable(self):
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"


# The classes under CPython's names: the text stream is a TextIOWrapper; the binary outputs write
# straight to the descriptor, unbuffered, so they are what CPython's are under -u: a FileIO.
def _named(cls, name):
    return type(name, (cls,), {'__module__': '_io', '__qualname__': name, '__slots__': ()})


_BinaryOut = _named(_BinaryOut, 'FileIO')
_TextIn = _named(_TextIn, 'TextIOWrapper')
_BinaryIn = _named(_BinaryIn, 'BufferedReader')

stdin = _TextIn()
stdout_buffer = _BinaryOut(1, '<stdout>')
stderr_buffer = _BinaryOut(2, '<stderr>')
