from collections import *
import itertools, functools, operator, heapq, bisect, copy, types, string, textwrap, contextlib
od = OrderedDict.fromkeys("abcde")
del od["c"]; print(od.pop("a"), list(od), list(od.keys()), list(reversed(od.keys())) if hasattr(od.keys(), '__reversed__') else None)
od2 = OrderedDict(od); od2.move_to_end("b"); print(od == od2, od2, dict.__eq__(od, od2))
c = Counter(a=2, b=-1); print(list(c.elements()), c.most_common(), c + Counter(), Counter("ab") == Counter("ba"))
dd = defaultdict(lambda: "x"); print(dd[1], len(dd), isinstance(dd, defaultdict))
d = deque(range(10), 5); print(d, d[2], d.index(7), list(itertools.islice(d, 1, 3)))
print(sorted(Counter("hello world").items()))
P = namedtuple("P", "a b c", defaults=[3])
print(P(1, 2), P(1, 2)._replace(c=9), list(map(P._make, [(1, 2, 3), (4, 5, 6)])))
print(max(P(1, 2, 3), P(1, 3, 0)), sorted([P(2, 0), P(1, 9)]), P(1, 2, 3)[::-1], tuple(P(4, 5)) + (1,))
print(str(P(1, 2)), "%s" % (P(1, 2),), f"{P(1, 2)}", "{}".format(P(1, 2)))
x, *rest = P(1, 2, 3); print(x, rest)
print(functools.reduce(operator.add, itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.accumulate(itertools.repeat(2, 4), operator.mul)))
print([list(g) for k, g in itertools.groupby(sorted("mississippi"))])
print(list(itertools.zip_longest(*[iter(range(7))] * 3)))
class A:
    @functools.lru_cache(maxsize=None)
    def m(self, x):
        return x * 2
a = A(); print(a.m(3), a.m(3), A.m.cache_info())
print(bisect.bisect([1, 2, 3], 2.5), heapq.nsmallest(3, [(2, "b"), (1, "z"), (1, "a"), (0, "q")]))
cm = ChainMap({"a": 1}); cm2 = cm.new_child({"b": 2}); print(cm2, len(cm2), cm2["a"])
u = UserList([1, 2]); u[0:1] = [9, 8]; print(u, u.data, u == UserList([9, 8, 2]))
print(repr(UserString("x") + UserString("y")), UserDict(a=1) | {"b": 2})
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print(textwrap.fill("aaa bbb ccc", 7), string.Template("$a").substitute(a=P(1, 2)))
print(copy.deepcopy(OrderedDict(a=[1]))["a"], copy.copy(deque([1], 2)).maxlen)
print(types.SimpleNamespace(x=P(1, 2)))
print(list(itertools.product("ab", repeat=0)), list(itertools.permutations([])), list(itertools.combinations([], 0)))
print(list(itertools.starmap(operator.mul, zip([1, 2], [3, 4]))), operator.itemgetter(0, 1)(P(5, 6)))
print(P, P.__module__, type(P(1, 2)), types.MappingProxyType, type(types.MappingProxyType({})).__name__)
print(type(functools.lru_cache()(len).cache_info()), deque, OrderedDict, functools.partial, itertools.count)
print(types.MappingProxyType({1: 2}) | types.MappingProxyType({3: 4}))
