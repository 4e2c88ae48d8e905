# shutil + tempfile + glob: copying, trees, moving, which, disk_usage; temp files and dirs; globbing.
import os
import shutil
import tempfile
import glob

print(os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix())
top = tempfile.mkdtemp(prefix='pre_', suffix='_suf')
print(os.path.basename(top).startswith('pre_'), top.endswith('_suf'), os.path.isabs(top), oct(os.stat(top).st_mode & 0o777))
fd, name = tempfile.mkstemp(dir=top, suffix='.txt')
os.write(fd, b'from mkstemp')
os.close(fd)
print(os.path.dirname(name) == top, name.endswith('.txt'), open(name).read(), oct(os.stat(name).st_mode & 0o777))
with tempfile.NamedTemporaryFile('w+', dir=top, delete=True) as f:
    f.write('named')
    f.seek(0)
    print(f.read(), os.path.exists(f.name), os.path.dirname(f.name) == top)
print(os.path.exists(f.name))
with tempfile.TemporaryFile() as f:
    f.write(b'anon')
    f.seek(0)
    print(f.read())
with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d))
    open(os.path.join(d, 'x'), 'w').close()
print(os.path.exists(d))
td = tempfile.TemporaryDirectory(dir=top)
print(repr(td).startswith('<TemporaryDirectory '), os.path.isdir(td.name))
td.cleanup()
print(os.path.exists(td.name))

src = os.path.join(top, 'src')
os.makedirs(os.path.join(src, 'sub', 'deep'))
for rel, text in [('a.txt', 'A'), ('b.py', 'B'), ('sub/c.txt', 'C'), ('sub/deep/d.py', 'D'), ('.hidden', 'H')]:
    with open(os.path.join(src, rel), 'w') as fh:
        fh.write(text)
os.chmod(os.path.join(src, 'b.py'), 0o755)
dst = shutil.copyfile(os.path.join(src, 'a.txt'), os.path.join(top, 'a2.txt'))
print(os.path.basename(dst), open(dst).read())
print(os.path.basename(shutil.copy(os.path.join(src, 'b.py'), top)), oct(os.stat(os.path.join(top, 'b.py')).st_mode & 0o777))
os.utime(os.path.join(src, 'a.txt'), (1000, 2000))
shutil.copy2(os.path.join(src, 'a.txt'), os.path.join(top, 'a3.txt'))
print(os.stat(os.path.join(top, 'a3.txt')).st_mtime)
try:
    shutil.copyfile(dst, dst)
except shutil.SameFileError as e:
    print('SameFileError', isinstance(e, OSError))
try:
    shutil.copyfile(os.path.join(top, 'missing'), dst)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
copy = shutil.copytree(src, os.path.join(top, 'copy'), ignore=shutil.ignore_patterns('*.py'))
found = []
for root, dirs, files in os.walk(copy):
    for fn in files:
        found.append(os.path.relpath(os.path.join(root, fn), copy))
print(sorted(found))
try:
    shutil.copytree(src, copy)
except FileExistsError as e:
    print('FileExistsError')
shutil.copytree(src, copy, dirs_exist_ok=True)
print(os.path.exists(os.path.join(copy, 'b.py')))
moved = shutil.move(os.path.join(top, 'a2.txt'), os.path.join(top, 'sub_moved.txt'))
print(os.path.basename(moved), os.path.exists(os.path.join(top, 'a2.txt')))
os.mkdir(os.path.join(top, 'target'))
print(os.path.relpath(shutil.move(copy, os.path.join(top, 'target')), top))
print(shutil.which('sh') is not None, shutil.which('no_such_cmd_xyz'), shutil.which('sh', path=''))
u = shutil.disk_usage(top)
print(u.total >= u.used >= 0, u.free > 0, len(u))
# glob
os.chdir(src)
print(sorted(glob.glob('*')), sorted(glob.glob('*.txt')), sorted(glob.glob('.*')))
print(sorted(glob.glob('**', recursive=True)), sorted(glob.glob('**/*.py', recursive=True)))
print(sorted(glob.glob('sub/*')), sorted(glob.glob('s?b/*/*.py')), glob.glob('nothing*'), sorted(glob.glob('*', include_hidden=True)))
print(sorted(glob.glob(os.path.join(src, '*.py'))) == [os.path.join(src, 'b.py')], glob.glob('*.txt', root_dir='sub'))
print(glob.escape('a*b?[c]'), glob.has_magic('a*'), glob.has_magic('abc'), sorted(glob.iglob('[ab].*')))
os.chdir('/')
shutil.rmtree(top)
print(os.path.exists(top))
try:
    shutil.rmtree(top)
except FileNotFoundError:
    print('FileNotFoundError')
shutil.rmtree(top, ignore_errors=True)
errs = []
shutil.rmtree(top, onerror=lambda f, p, e: errs.append((f.__name__, e[0].__name__)))
print(errs)
