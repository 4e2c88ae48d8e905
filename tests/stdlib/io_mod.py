# io: open() modes, text and binary layers, newline handling, seek/tell, StringIO, BytesIO, errors.
import io
import os
import tempfile

d = tempfile.mkdtemp()
old = os.getcwd()
os.chdir(d)
try:
    print(open is io.open, io.UnsupportedOperation.__mro__[1:3], io.DEFAULT_BUFFER_SIZE)
    with open('a.txt', 'w') as f:
        print(type(f).__name__, f.name, f.mode, f.encoding, f.closed, f.writable(), f.readable())
        print(f.write('hello\nworld\r\nx\ry'), f.tell())
    print(f.closed)
    with open('a.txt') as f:
        print(repr(f.readline()), f.tell(), f.readlines())
    with open('a.txt', newline='') as f:
        print(list(f))
    with open('a.txt', newline='\r') as f:
        print(list(f))
    with open('a.txt', 'rb') as f:
        print(type(f).__name__, f.read(3), f.readline(), f.tell(), f.read(), f.read())
    with open('a.txt', 'rb', buffering=0) as f:
        print(type(f).__name__, f.mode, f.read(4), f.readall())
    print(repr(open('a.txt').read()), repr(open('a.txt').read(7)))
    with open('a.txt', 'a') as f:
        f.write('Z')
    with open('a.txt', 'r+') as f:
        print(f.read(2))
        f.seek(0)
        f.write('HE')
        f.seek(0)
        print(repr(f.read()))
    with open('w.txt', 'w', newline='\r\n') as f:
        f.write('a\nb\n')
    print(open('w.txt', 'rb').read())
    with open('b.bin', 'wb') as f:
        print(type(f).__name__, f.write(bytes(range(256)) * 100), f.write(bytearray(b'xy')))
    with open('b.bin', 'rb') as f:
        data = f.read()
        print(len(data), f.tell(), f.seek(-2, 2), f.read(), f.seek(10), f.read(3))
    with open('b.bin', 'r+b') as f:
        f.seek(2)
        f.write(b'!!')
        f.seek(0)
        print(f.read(5), f.truncate(100), f.seek(0, 2))
    with open('u.txt', 'w', encoding='utf-8') as f:
        f.write('héllo→wörld\n' * 2000)
    with open('u.txt', encoding='utf-8') as f:
        lines = f.readlines()
        print(len(lines), lines[0], f.tell())
    with open('u.txt', encoding='utf-8') as f:
        print(f.read(3), f.read(8), f.tell())
    with open('lat.txt', 'w', encoding='latin-1') as f:
        f.write('caf\xe9\n')
    print(open('lat.txt', 'rb').read(), open('lat.txt', encoding='latin-1').read())
    with open('bad.txt', 'wb') as f:
        f.write(b'ok\xffok\n')
    print(repr(open('bad.txt', errors='replace').read()), repr(open('bad.txt', errors='ignore').read()))
    try:
        open('bad.txt').read()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError')
    with open('x.txt', 'x') as f:
        f.write('new')
    try:
        open('x.txt', 'x')
    except FileExistsError as e:
        print(e)
    f = open('x.txt', 'w+')
    f.write('abc\ndef\n')
    f.seek(0)
    print([line for line in f], f.read())
    f.close()
    for args in [('x.txt', 'rw'), ('x.txt', 'rr'), ('x.txt', 'bt'), ('x.txt', 'z'), ('x.txt', ''),
                 ('x.txt', 'rb', -1, 'utf-8'), ('x.txt', 'r', 0), ('x.txt', 'r', -1, None, None, 'x')]:
        try:
            open(*args)
        except ValueError as e:
            print('ValueError', e)
    for args in [(3.5,), ('x.txt', 5)]:
        try:
            open(*args)
        except TypeError as e:
            print('TypeError', e)
    f = open('x.txt')
    f.close()
    for op in [f.read, f.readline, lambda: f.seek(0), f.tell, lambda: next(f)]:
        try:
            op()
        except ValueError as e:
            print(e)
    try:
        open('x.txt').write('x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e, isinstance(e, OSError), isinstance(e, ValueError))
    try:
        open('x.txt', 'w').read()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
    try:
        open('x.txt', 'w').write(b'x')
    except TypeError as e:
        print(e)
    try:
        open('x.txt', 'wb').write('x')
    except TypeError as e:
        print(e)
    try:
        open('nope/nope.txt')
    except FileNotFoundError as e:
        print(e)
    try:
        open(d)
    except IsADirectoryError as e:
        print(type(e).__name__, e.errno)
    fd = os.open('x.txt', os.O_RDONLY)
    with open(fd, closefd=False) as f:
        print(f.read(), f.name == fd)
    os.close(fd)
finally:
    os.chdir(old)
    import shutil
    shutil.rmtree(d)

s = io.StringIO('ab\ncd')
print(s.readline(), s.read(), s.tell(), s.getvalue(), s.read())
s.write('X')
print(s.getvalue(), s.seek(1), s.write('YZ'), s.getvalue(), s.tell())
s.seek(0)
print(s.readlines(), s.truncate(2), s.getvalue())
s = io.StringIO()
print(s.write('a\r\nb'), repr(s.getvalue()), io.StringIO('x\ny\n').readlines(), list(io.StringIO('1\n2')))
print(repr(io.StringIO('a\r\nb', newline=None).getvalue()), io.StringIO('a\rb\r\nc', newline='').readlines())
for bad in [lambda: io.StringIO(b'x'), lambda: io.StringIO().write(b'x'), lambda: io.StringIO().seek(-1),
            lambda: io.StringIO().seek(1, 1)]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
s.close()
try:
    s.getvalue()
except ValueError as e:
    print(e)
with io.StringIO('ctx') as s2:
    print(s2.read())
print(s2.closed)
b = io.BytesIO(b'xyz')
print(b.read(1), b.read(), b.tell(), b.seek(5), b.write(b'!'), b.getvalue(), b.tell())
b.seek(0)
print(b.readline(), b.seek(-1, 2), b.read(), b.getbuffer().tobytes() if hasattr(memoryview, 'tobytes') else '')
b = io.BytesIO(b'line1\nline2\n')
print(list(b), io.BytesIO(b'ab').read(-1), b.seek(0), b.truncate(3), b.getvalue())
ba = bytearray(4)
print(io.BytesIO(b'abcdef').readinto(ba), ba)
try:
    io.BytesIO().write('s')
except TypeError as e:
    print(e)
try:
    io.BytesIO().seek(-1)
except ValueError as e:
    print(e)
w = io.TextIOWrapper(io.BytesIO(b'one\ntwo\n'), encoding='utf-8')
print(w.readline(), w.read(), w.encoding)
