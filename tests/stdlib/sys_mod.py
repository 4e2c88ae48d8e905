# sys: version/implementation records, limits, float/int/hash info, getsizeof, exception(),
# streams (stdout/stderr/stdin, their buffers and __dunder__ aliases), flags, misc attributes.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 8),
      sys.version_info < (4,), len(sys.version_info), sys.version_info.releaselevel)
print(sys.hexversion >> 16 == 0x30b, sys.version.startswith('3.11'), sys.api_version)
print(sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1), sys.flags.int_max_str_digits)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info[0])
print(sys.int_info, sys.int_info.bits_per_digit)
print(sys.hash_info.modulus, sys.hash_info.width, sys.hash_info.inf, sys.hash_info.imag)
print(sys.maxunicode, sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform)
print(sys.getfilesystemencoding(), sys.getdefaultencoding(), sys.getfilesystemencodeerrors())
print([sys.getsizeof(x) for x in [0, 1, -1, 2 ** 30, 2 ** 60, 1.5, 'abc', '', b'ab', (), (1, 2), None, True, False]])
print(sys.exception(), sys.exc_info())
try:
    1 / 0
except ZeroDivisionError:
    print(repr(sys.exception()), sys.exc_info()[0], sys.exc_info()[1] is sys.exception())
try:
    raise KeyError('k')
except KeyError:
    try:
        raise ValueError('inner')
    except ValueError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exception())
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.write('text\n'))
sys.stdout.flush()
print(sys.stdout.buffer.write(b'bytes\n'))
sys.stdout.write('after\n')
print(repr(sys.stdin.readline()), repr(sys.stdin.read()), list(sys.stdin))
print(sys.modules['sys'] is sys, 'sys' in sys.modules, type(sys.path).__name__, type(sys.argv).__name__)
print(isinstance(sys.executable, str), isinstance(sys.builtin_module_names, tuple), 'sys' in sys.builtin_module_names)
print(sys.intern('abc') == 'abc', sys.getrecursionlimit() >= 100, sys.implementation.cache_tag is None or True)
old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in [lambda: sys.setrecursionlimit(0), lambda: sys.setrecursionlimit('x'), lambda: sys.intern(3), lambda: sys.getsizeof()]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
try:
    sys.version_info.major = 4
except AttributeError as e:
    print('AttributeError')
print(sys.warnoptions, sys.float_repr_style)
print(sys.stdout.encoding, sys.stderr.errors, sys.stdout.mode)
