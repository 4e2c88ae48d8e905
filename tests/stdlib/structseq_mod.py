# namedtuple classes and struct sequences (sys records, os.stat_result, time.struct_time,
# os.uname_result) are real tuple subclasses; % formatting and + take them as tuples.
import os
import sys
import time
from collections import namedtuple


def err(f):
    try:
        print(repr(f()))
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)


P = namedtuple('P', 'x y')
p = P(1, 2)
print(p, isinstance(p, tuple), P.__bases__, '%d-%d' % p, (0,) + p, p + p, p + (3,))
print(type(p + p).__name__, p * 2, p == (1, 2), hash(p) == hash((1, 2)), p < (1, 3), p[::-1])


class Q(P):
    def total(self):
        return self.x + self.y


q = Q(3, 4)
print(q, q.total(), q + p, p + q, q < p, sorted([q, p]), '%s/%s' % q)
err(lambda: setattr(p, 'x', 5))
err(lambda: setattr(p, 'z', 5))
err(lambda: (1,) + [2])

v = sys.version_info
print(isinstance(v, tuple), type(v).__name__, v[:2] == (v.major, v.minor), v >= (3, 8))
print('%d.%d' % v[:2] == '%d.%d' % (v.major, v.minor), len(v), type(sys.flags).__name__)
print(isinstance(sys.float_info, tuple), sys.float_info.max == sys.float_info[0])
print(sys.int_info.bits_per_digit in (15, 30), isinstance(sys.hash_info, tuple))
err(lambda: type(v)((1, 2, 3, 4, 5)))
err(lambda: setattr(v, 'major', 4))
print(type(sys.implementation.name).__name__, 'version=' in repr(sys.implementation))
print(sys.implementation.version == sys.version_info)

st = os.stat('.')
print(isinstance(st, tuple), len(st), st.st_mode == st[0], st.st_size == st[6])
print(st[8] == int(st.st_mtime), type(st.st_mtime).__name__, type(st).__name__)
print(os.stat_result.n_fields >= 16, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
u = os.uname()
print(isinstance(u, tuple), len(u), u.sysname == u[0], ('%s ' * len(u)) % u == ''.join(s + ' ' for s in u))

T = time.struct_time
t = T((2021, 3, 4, 5, 6, 7, 3, 63, 0))
print(t, isinstance(t, tuple), t.tm_year, t[1:3], t.tm_zone, len(t))
print(T((2021, 3, 4, 5, 6, 7, 3, 63, 0, 'UTC', 0)).tm_zone, t == (2021, 3, 4, 5, 6, 7, 3, 63, 0))
print('%04d-%02d-%02d' % t[:3], time.mktime(time.localtime(86400 * 400)) == 86400 * 400)
err(lambda: T(range(8)))
err(lambda: T(range(12)))
print(T.n_fields, T.n_sequence_fields, T.n_unnamed_fields, T.__match_args__[:2])

print('%(a)s %(a)s' % {'a': 1}, '%s %(a)s' % {'a': 2})
err(lambda: '%(a)s %s' % {'a': 1})
err(lambda: hash({}.keys()))
err(lambda: hash({}.items()))
print(type(hash({}.values())).__name__)
print(type(sys.stdin).__name__, type(sys.stdin.buffer).__name__)
