# os: files, directories, stat, environ, fds, processes, errors (inside a fresh temp dir).
import os
import sys
import tempfile

top = tempfile.mkdtemp(prefix='minipy_os_')
old = os.getcwd()
os.chdir(top)
try:
    print(os.name, os.sep, os.pathsep, os.linesep == '\n', os.curdir, os.pardir, os.devnull, os.error is OSError)
    print(os.path is sys.modules['os.path'], os.path.__name__)
    os.mkdir('d')
    os.makedirs('d/e/f')
    os.makedirs('d/e/f', exist_ok=True)
    try:
        os.makedirs('d/e/f')
    except FileExistsError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
    with open('d/a.txt', 'w') as f:
        f.write('abc')
    print(sorted(os.listdir('d')), sorted(os.listdir(b'd')))
    st = os.stat('d/a.txt')
    print(st.st_size, st[6], len(st), os.path.getsize('d/a.txt'), st.st_mode & 0o170000 == 0o100000)
    print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, st.st_mtime_ns // 10**9 == st[8])
    print(os.lstat('d').st_mode & 0o170000 == 0o040000)
    entries = sorted(os.scandir('d'), key=lambda e: e.name)
    print([(e.name, e.path, e.is_dir(), e.is_file()) for e in entries], entries[0])
    print(entries[0].stat().st_size)
    os.rename('d/a.txt', 'd/b.txt')
    os.replace('d/b.txt', 'd/c.txt')
    print(os.path.exists('d/a.txt'), os.path.exists('d/c.txt'))
    for root, dirs, files in os.walk('d'):
        dirs.sort()
        print(root, dirs, sorted(files))
    print([r for r, _, _ in os.walk('d', topdown=False)])
    os.chmod('d/c.txt', 0o600)
    print(oct(os.stat('d/c.txt').st_mode & 0o777), os.access('d/c.txt', os.R_OK), os.access('nope', os.F_OK))
    os.utime('d/c.txt', (1000000000, 1000000000))
    print(os.stat('d/c.txt').st_mtime, os.path.getmtime('d/c.txt'))
    os.utime('d/c.txt', ns=(5, 1500000000))
    print(os.stat('d/c.txt').st_mtime_ns)
    os.symlink('c.txt', 'd/link')
    print(os.readlink('d/link'), os.path.islink('d/link'), os.lstat('d/link').st_mode & 0o170000 == 0o120000)
    os.remove('d/link')
    os.unlink('d/c.txt')
    os.removedirs('d/e/f')
    print(os.path.exists('d'))
    # errors
    for call in [lambda: os.stat('missing'), lambda: os.rmdir('missing'), lambda: os.listdir('missing/x'),
                 lambda: open('missing'), lambda: os.mkdir('.'), lambda: os.rename('missing', 'x')]:
        try:
            call()
        except OSError as e:
            print(type(e).__name__, e)
    os.mkdir('full')
    open('full/x', 'w').close()
    for call in [lambda: os.rmdir('full'), lambda: os.listdir('full/x'), lambda: open('full', 'w')]:
        try:
            call()
        except OSError as e:
            print(type(e).__name__, e.errno, e)
    try:
        os.stat(3.5)
    except TypeError as e:
        print(e)
    try:
        os.stat('a\0b')
    except ValueError as e:
        print(e)
    # environ
    os.environ['MINIPY_T1'] = 'v1'
    print(os.environ['MINIPY_T1'], os.getenv('MINIPY_T1'), 'MINIPY_T1' in os.environ, os.getenv('MINIPY_NOPE', 'dflt'))
    import subprocess
    print(subprocess.run(['sh', '-c', 'echo $MINIPY_T1'], capture_output=True, text=True).stdout.strip())
    del os.environ['MINIPY_T1']
    print(os.environ.get('MINIPY_T1'), subprocess.run(['sh', '-c', 'echo "[$MINIPY_T1]"'], capture_output=True, text=True).stdout.strip())
    try:
        os.environ['X'] = 1
    except TypeError as e:
        print(e)
    try:
        os.environ['MINIPY_NOPE']
    except KeyError as e:
        print('KeyError', e)
    # fds
    fd = os.open('raw.bin', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(os.write(fd, b'hello world'), os.lseek(fd, 0, os.SEEK_CUR))
    os.close(fd)
    fd = os.open('raw.bin', os.O_RDONLY)
    print(os.read(fd, 5), os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 100), os.read(fd, 10), os.fstat(fd).st_size)
    fd2 = os.dup(fd)
    os.lseek(fd2, 0, 0)
    print(os.read(fd, 3))
    os.close(fd2)
    os.close(fd)
    try:
        os.close(fd)
    except OSError as e:
        print(e)
    r, w = os.pipe()
    os.write(w, b'through the pipe')
    os.close(w)
    print(os.read(r, 100), os.read(r, 100))
    os.close(r)
    with os.fdopen(os.open('raw.bin', os.O_RDONLY)) as f:
        print(f.read())
    # misc
    print(os.getpid() > 0, os.getppid() > 0, isinstance(os.getuid(), int), os.cpu_count() >= 1)
    print(len(os.urandom(16)), os.urandom(0), os.strerror(2), os.strerror(13))
    print(os.fspath('p'), os.fspath(b'p'))

    class P:
        def __fspath__(self):
            return 'via-fspath'
    print(os.fspath(P()))
    try:
        os.fspath(3)
    except TypeError as e:
        print(e)
    old_mask = os.umask(0o22)
    print(os.umask(old_mask) == 0o22)
    print(os.WEXITSTATUS(os.system('exit 5')), os.WIFEXITED(256), os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(9))
    print(os.uname().sysname, len(os.uname()))
finally:
    os.chdir(old)
    import shutil
    shutil.rmtree(top)
print(os.path.exists(top))
