# stress: 500
# More distinct attribute layouts than the map table holds (attrmap.rs MAX_MAPS): later
# instances fall back to dict mode and everything still reads back.


class C:
    pass


keep = []
for i in range(70000):
    o = C()
    o.first = i
    setattr(o, "n%d" % i, i * 2)
    if i % 997 == 0:
        keep.append(o)
print(len(keep), sum(getattr(o, "n%d" % o.first) for o in keep), sum(o.first for o in keep))
print(sorted(vars(keep[-1])), vars(keep[0]))
last = C()
last.first = -1
last.other = "x"
print(last.first, last.other, vars(last))
