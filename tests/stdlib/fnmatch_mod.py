# fnmatch: matching, filter, translate (the regex text), bytes, errors.
import fnmatch
pats = ['*.py', 'a*b*c', '[!a-c]?x', '[a-]', '*', 'a?c', '[]]x', '[!]]', 'x[', 'ab*', '*ab', '**a',
        '[a-z0-9]*.txt', 'a.b+c', '[\\]x', '[z-a]', '*.[ch]', '[[]', 'A*']
names = ['a.py', 'abc', 'axbyc', 'dzx', '-', ']x', 'x[', 'ab', 'cab', 'Z', 'q1.txt', 'a.b+c', 'aac',
         'x.c', '[', 'Abc', 'ABC', '']
for p in pats:
    print(p, fnmatch.translate(p), [n for n in names if fnmatch.fnmatch(n, p)])
print(fnmatch.filter(['x.py', 'y.txt', 'z.py', '.py'], '*.py'), fnmatch.fnmatchcase('A.PY', '*.py'))
print(fnmatch.fnmatch(b'abc', b'a*'), fnmatch.filter([b'a', b'b'], b'[a]'))
try:
    fnmatch.fnmatch('abc', b'a*')
except TypeError as e:
    print(e)
print(fnmatch.fnmatch('a' * 50 + 'b', '*a*a*a*a*a*a*c'))
