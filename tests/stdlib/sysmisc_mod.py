# Assorted system-module behaviours: subprocess text input, NamedTemporaryFile(delete=False),
# readline(size)/peek/read1, encoding='locale', stream reprs, print(file=StringIO), copytree(symlinks),
# datetime strftime directives, timedelta float rounding, ISO week dates.
import os, tempfile
_top = tempfile.mkdtemp()
os.chdir(_top)
import subprocess, tempfile, os, io, shutil, datetime, time
print(subprocess.check_output(['cat'], input='abc\r\nx', text=True))
print(subprocess.run(['cat'], input=b'\xff', capture_output=True).stdout)
f = tempfile.NamedTemporaryFile(delete=False, suffix='.x')
f.write(b'keep'); f.close()
print(open(f.name, 'rb').read(), f.name.endswith('.x')); os.unlink(f.name)
with open('r.txt', 'w') as g:
    g.write('abcdef\nghi\n')
with open('r.txt') as g:
    print(repr(g.readline(3)), repr(g.readline()), repr(g.readline(100)), repr(g.readline()))
with open('r.txt', 'rb') as g:
    print(g.readline(2), g.peek(3)[:3], g.read1(2), g.readlines())
with open('r.txt', encoding='locale') as g:
    print(g.read(4))
print(repr(open('r.txt', 'rb', buffering=0)).split(' name')[0], repr(open('r.txt', 'rb')).split(' name')[0])
s = io.StringIO()
print('hello', 'world', sep='-', file=s)
print(repr(s.getvalue()))
d = tempfile.mkdtemp()
os.makedirs(os.path.join(d, 'a', 'b'))
open(os.path.join(d, 'a', 'f'), 'w').close()
os.symlink('f', os.path.join(d, 'a', 'lnk'))
shutil.copytree(os.path.join(d, 'a'), os.path.join(d, 'c'), symlinks=True)
print(os.path.islink(os.path.join(d, 'c', 'lnk')), sorted(os.listdir(os.path.join(d, 'c'))))
shutil.rmtree(d)
print(datetime.datetime(2020, 1, 1) + datetime.timedelta(hours=-1), datetime.date.today() <= datetime.date.today())
print(datetime.datetime(2021, 3, 4, 5, 6, 7).strftime('%c|%x|%X|%U|%W|%G-%V-%u|%e'))
print(datetime.timedelta(seconds=1.5e-6), datetime.timedelta(microseconds=-1), datetime.timedelta(days=1.5, seconds=0.5), datetime.timedelta(minutes=0.1))
print(datetime.datetime(2020,1,1,tzinfo=datetime.timezone(datetime.timedelta(hours=-5))).isoformat(), datetime.time(1,2,3,tzinfo=datetime.timezone.utc))
print(datetime.datetime.fromisoformat('2020-01-01T10:20:30.5+05:30'), datetime.time.fromisoformat('10:20'), datetime.datetime.fromisoformat('2020-W10-3T12'))
print(datetime.date(2020,1,1) - datetime.timedelta(days=1), datetime.timedelta(days=1) * 2.5, -datetime.timedelta(hours=1) // 7)
os.unlink('r.txt')
os.chdir('/')
os.rmdir(_top)
