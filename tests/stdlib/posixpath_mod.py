# os.path (posixpath): pure path functions, plus the file-system predicates in a temp dir.
import os
import os.path
import posixpath
import tempfile

print(os.path is posixpath)
for args in [('a', 'b'), ('a/', 'b'), ('/a', '/b', 'c'), ('', 'x'), ('a', ''), (b'a', b'b')]:
    print(args, posixpath.join(*args))
for p in ['/a/b', '/a/b/', 'a', '/', '//x', '', 'a/b/c.txt', b'/x/y']:
    print(repr(p), posixpath.split(p), posixpath.basename(p), posixpath.dirname(p))
for p in ['a.txt', 'a.tar.gz', '.bashrc', 'a/.b.c', 'a.', 'a/b', '...x', b'f.py']:
    print(repr(p), posixpath.splitext(p))
for p in ['', '.', '/', '//', '///', 'a/./b', 'a/../b', '../a/..', '/../a', 'a//b//', '/a/b/../../..', b'x/../y']:
    print(repr(p), repr(posixpath.normpath(p)))
print(posixpath.isabs('/x'), posixpath.isabs('x'), posixpath.isabs(b'/'))
print(posixpath.relpath('/a/b/c', '/a'), posixpath.relpath('/a', '/a/b/c'), posixpath.relpath('/a/b', '/a/b'), posixpath.relpath('/x/y', '/a/b'))
print(posixpath.commonprefix(['/usr/lib', '/usr/local', '/usr/l']), repr(posixpath.commonprefix([])))
print(posixpath.commonpath(['/usr/lib', '/usr/local/lib']), posixpath.commonpath(['a/b', 'a/c']), posixpath.commonpath(['/a']))
for bad in [[], ['/a', 'b']]:
    try:
        posixpath.commonpath(bad)
    except ValueError as e:
        print(e)
try:
    posixpath.join('a', b'b')
except TypeError as e:
    print(e)
try:
    posixpath.join('a', 3)
except TypeError as e:
    print(e)
os.environ['MPX'] = 'val'
os.environ.pop('MPNOPE', None)
print(posixpath.expandvars('$MPX/${MPX}/$MPNOPE/${MPNOPE}/$/x$'), posixpath.expandvars(b'$MPX'))
os.environ['HOME'] = '/home/someone'
print(posixpath.expanduser('~'), posixpath.expanduser('~/x'), posixpath.expanduser('x/~'), posixpath.expanduser('~/'))
print(posixpath.abspath('/a/./b') , posixpath.abspath('x') == posixpath.join(os.getcwd(), 'x'))
d = tempfile.mkdtemp()
try:
    f = posixpath.join(d, 'f.txt')
    with open(f, 'w') as fh:
        fh.write('12345')
    os.symlink(f, posixpath.join(d, 'ln'))
    os.symlink('nowhere', posixpath.join(d, 'dangling'))
    for name in ['f.txt', 'ln', 'dangling', 'missing', '.']:
        p = posixpath.join(d, name)
        print(name, posixpath.exists(p), posixpath.lexists(p), posixpath.isfile(p), posixpath.isdir(p), posixpath.islink(p))
    print(posixpath.getsize(f), posixpath.samefile(f, posixpath.join(d, 'ln')), posixpath.realpath(posixpath.join(d, 'ln')) == posixpath.realpath(f))
    print(posixpath.realpath(posixpath.join(d, 'x', '..', 'f.txt')) == posixpath.realpath(f), posixpath.ismount('/'), posixpath.ismount(d))
    try:
        posixpath.getsize(posixpath.join(d, 'missing'))
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
finally:
    import shutil
    shutil.rmtree(d)
