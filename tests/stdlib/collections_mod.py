from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
from collections import ChainMap, UserDict, UserList, UserString


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


# ---- deque
d = deque([1, 2, 3])
print(d, repr(deque()), deque("ab", maxlen=3), deque(maxlen=0))
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1])
d.extend([5, 6]); d.extendleft([-1, -2]); print(d)
print(d.pop(), d.popleft(), d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(0); print(d)
m = deque(range(5), maxlen=3); print(m, m.maxlen)
m.append(9); print(m)
m.appendleft(8); print(m)
m.extendleft([1, 2]); print(m)
d[1] = 'x'; del d[0]; print(d, 'x' in d, d.count('x'), d.index('x'))
d.remove('x'); print(d)
d.reverse(); print(d, list(reversed(d)))
d.insert(1, 'y'); print(d)
print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1, 2]) < deque([1, 3]))
print(deque([1]) + deque([2]), deque([1, 2]) * 2, bool(deque()), d.copy())
e = deque([1]); e += [2, 3]; print(e)
r = deque([1]); r.append(r); print(r)
e.clear(); print(e, deque().maxlen)
err(lambda: deque([1]).remove(5))
err(lambda: deque([1]).index(5))
err(lambda: deque().pop())
err(lambda: deque().popleft())
err(lambda: deque([1])[5])
err(lambda: deque([], -1))
err(lambda: deque(maxlen='a'))
err(lambda: deque([1]).rotate('x'))
err(lambda: deque([1])['a'])
err(lambda: deque([1], 1).insert(0, 2))

# ---- defaultdict
dd = defaultdict(list)
dd['a'].append(1); dd['b']; print(dd, dd.default_factory, isinstance(dd, dict))
print(repr(defaultdict()), defaultdict(int, {'x': 1}), defaultdict(None, a=2))
di = defaultdict(int); di['k'] += 3; print(di['k'], di.get('zz'), 'zz' in di, len(di))
print(dd.copy(), type(dd.copy()).__name__)
err(lambda: defaultdict()['missing'])
err(lambda: defaultdict(5))
print(defaultdict(int, a=1) | {'b': 2})

# ---- OrderedDict
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(od, repr(OrderedDict()))
od.move_to_end('a'); print(list(od))
od.move_to_end('a', last=False); print(list(od))
print(od.popitem(), od.popitem(last=False), od)
o1 = OrderedDict(a=1, b=2); o2 = OrderedDict(b=2, a=1)
print(o1 == o2, o1 != o2, o1 == dict(o2), dict(o2) == o1, o1 == OrderedDict(a=1, b=2))
print(list(reversed(o1)), OrderedDict.fromkeys('xy', 0))
err(lambda: OrderedDict().popitem())
err(lambda: OrderedDict().move_to_end('q'))
o3 = OrderedDict(); o3['z'] = 1; o3['y'] = 2; o3.update([('x', 3)], w=4); print(o3, o3.copy())
print(o3.setdefault('z', 9), o3.setdefault('n', 9), o3)

# ---- Counter
c = Counter('abracadabra')
print(c, c['a'], c['zz'], c.most_common(2), c.most_common()[:3])
print(sorted(c.elements()), c.total())
c.update('aaz'); print(c)
c.subtract({'a': 10}); print(c)
c2 = Counter(a=3, b=1); c3 = Counter(a=1, b=2)
print(c2 + c3, c2 - c3, c2 | c3, c2 & c3, -Counter(a=-2, b=1), +Counter(a=-2, b=1))
print(Counter(), Counter(a=1) == Counter(a=1, b=0), Counter({'x': 2}))
del c2['a']; del c2['nope']; print(c2)
c4 = Counter(a=2); c4 += Counter(a=1, b=-5); print(c4)
c4 -= Counter(a=10); print(c4)
print(Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=2))
err(lambda: Counter.fromkeys('ab'))
print(Counter(['x', 'y', 'x']).most_common(1), isinstance(c, dict))

# ---- namedtuple
P = namedtuple('Point', 'x y')
p = P(1, 2)
print(p, repr(p), p.x, p.y, p[0], p[-1], p[:1], len(p), list(p))
a, b = p; print(a, b)
print(p == (1, 2), (1, 2) == p, p == P(1, 2), p != P(2, 1), p < P(1, 3), hash(p) == hash((1, 2)))
print(P._fields, P._make([3, 4]), p._asdict(), p._replace(x=9), P.__name__, P._field_defaults)
print(P(y=5, x=6), P.__doc__, P.x.__doc__, 1 in p, p.index(2), p.count(1), p + (3,))
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[10, 20])
print(Q(1), Q(1, 2), Q._field_defaults, Q.__match_args__)
R = namedtuple('R', 'abc def ghi _x abc', rename=True)
print(R._fields)
S = namedtuple('S', 'a, b')
print(S(1, b=2), tuple(S(1, 2)), dict(zip(S._fields, S(3, 4))))
err(lambda: setattr(p, 'x', 5))
err(lambda: setattr(p, 'z', 5))
err(lambda: P._make([1]))
err(lambda: p._replace(z=1))
err(lambda: namedtuple('1a', 'x'))
err(lambda: namedtuple('A', 'def'))
err(lambda: namedtuple('A', '_a'))
err(lambda: namedtuple('A', 'a a'))
err(lambda: namedtuple('A', 'a', defaults=(1, 2)))
err(lambda: p[5])
class P3(namedtuple('P3', 'x y z')):
    def norm(self):
        return self.x + self.y + self.z
print(P3(1, 2, 3).norm(), P3(1, 2, 3))
print(sorted([P(2, 1), P(1, 5), P(1, 2)]))
print({P(1, 2): "a"}[(1, 2)], {(1, 2): "b"}[P(1, 2)], (1, 2) in {P(1, 2)})

# ---- ChainMap
base = {'a': 1, 'b': 2}; over = {'b': 3, 'c': 4}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), 'a' in cm, cm.get('zz', 0))
print(cm, cm.maps == [over, base])
cm['a'] = 10; print(over, base)
child = cm.new_child(); child['q'] = 1; print(child.maps[0], child.parents.maps == cm.maps)
del cm['a']; print(over)
err(lambda: cm.__delitem__('zz'))
print(dict(cm.items()) == {'a': 1, 'b': 3, 'c': 4}, list(cm), ChainMap())

# ---- UserDict / UserList / UserString
class MyDict(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
md = MyDict({'a': 1}, b=2)
print(md, md['a'], len(md), md.data, 'a' in md, md == {'a': 2, 'b': 4}, sorted(md))
md.update(c=3); print(md.pop('c'), md.get('zz'), md.copy(), type(md.copy()).__name__)
err(lambda: md['zz'])
ul = UserList([3, 1, 2])
ul.append(0); ul.sort(); print(ul, ul[1:], type(ul[1:]).__name__, ul + [9], len(ul), ul == [0, 1, 2, 3])
ul.extend(UserList([7])); ul *= 2; print(ul, ul.pop(), ul.index(7), ul.count(1), 2 in ul)
us = UserString('Hello')
print(us, repr(us), us.upper(), type(us.upper()).__name__, us + '!', us[1:], len(us), us == 'Hello')
print(us.split('l'), us.startswith('He'), us.find('l'), 'ell' in us, us.isalpha(), us * 2)

# deque as a queue: popleft/appendleft keep a free prefix; every operation sees the same items
q = deque()
for i in range(200):
    q.append(i)
    if i % 3 == 0:
        q.popleft()
print(len(q), q[0], q[-1], q[60], q.index(150), 199 in q, list(q)[:3], q.count(7))
for i in range(100):
    q.appendleft(-i)
print(len(q), q[0], q[99], q[100], list(reversed(q))[:2])
q.rotate(7); print(q[0], q[-1]); q.rotate(-300); print(q[0], q[-1])
q.insert(2, "ins"); del q[0]; q[1] = "set"; print(list(q)[:4], len(q))
q.remove("set"); q.reverse(); print(q[0], q[-1], len(q))
while len(q) > 3:
    q.popleft()
print(q, q == deque([-1, 0, -99]) or q)
