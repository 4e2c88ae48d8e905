"""os: operating system interfaces (POSIX only), over the native _os module.

_os functions take plain arguments (a path is str or bytes); this module does the argument
handling CPython's posixmodule does: os.fspath on paths, keyword arguments, stat_result and
DirEntry objects, environ, walk/makedirs/removedirs and the wait-status helpers.
"""

import _os
import _structseq
import sys
import posixpath as path

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_bytes_environ = True

error = OSError

O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 0o100
O_EXCL = 0o200
O_NOCTTY = 0o400
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_NONBLOCK = 0o4000
O_DSYNC = 0o10000
O_SYNC = 0o4010000
O_DIRECTORY = 0o200000
O_NOFOLLOW = 0o400000
O_CLOEXEC = 0o2000000
O_ACCMODE = 3

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

F_OK = 0
X_OK = 1
W_OK = 2
R_OK = 4

WNOHANG = 1
WUNTRACED = 2

EX_OK = 0

SIGKILL = 9
SIGTERM = 15


class PathLike:
    """Abstract base for objects with __fspath__ (issubclass works by the method's presence)."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, other):
        return hasattr(other, '__fspath__')


def fspath(path):
    """Return the str or bytes representation of a path-like object."""
    if isinstance(path, (str, bytes)):
        return path
    t = type(path)
    try:
        f = t.__fspath__
    except AttributeError:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + t.__name__) from None
    r = f(path)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                    % (t.__name__, type(r).__name__))


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def _path(fname, p, allow_fd=False):
    """A path argument as str/bytes (or an int fd where the call accepts one)."""
    if isinstance(p, (str, bytes)):
        return p
    if allow_fd and isinstance(p, int):
        return p
    if hasattr(type(p), '__fspath__'):
        return fspath(p)
    kinds = 'string, bytes, os.PathLike or integer' if allow_fd else 'string, bytes or os.PathLike'
    raise TypeError('%s: path should be %s, not %s' % (fname, kinds, type(p).__name__))


# ---- stat ----------------------------------------------------------------------------------------

# a struct sequence (_structseq): the 10 items are 7 fields and the integer times (unnamed);
# the float times, the _ns times, st_blksize, st_blocks and st_rdev are attributes only
stat_result = _structseq.structseq('os.stat_result', (
    'st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', None, None, None,
    'st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns',
    'st_blksize', 'st_blocks', 'st_rdev'), 10)


def _stat_result(raw):
    ns = raw[7:10]
    return _structseq.make(stat_result, raw[:7] + tuple(t // 1000000000 for t in ns)
                           + tuple(t / 1e9 for t in ns) + ns + raw[10:13])


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return _stat_result(_os.stat(_path('stat', path, True), bool(follow_symlinks)))


def lstat(path, *, dir_fd=None):
    return _stat_result(_os.stat(_path('lstat', path), False))


def fstat(fd):
    if not isinstance(fd, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(fd).__name__)
    return _stat_result(_os.stat(fd, True))


# ---- files and directories -----------------------------------------------------------------------

def getcwd():
    return _os.getcwd(False)


def getcwdb():
    return _os.getcwd(True)


def chdir(path):
    _os.chdir(_path('chdir', path))


def listdir(path='.'):
    return _os.listdir(_path('listdir', path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _os.mkdir(_path('mkdir', path), mode)


def makedirs(name, mode=0o777, exist_ok=False):
    """Create a directory and any missing parents; FileExistsError unless exist_ok."""
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir if isinstance(tail, str) else curdir.encode()
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    _os.rmdir(_path('rmdir', path))


def removedirs(name):
    """Remove a leaf directory and then every empty parent."""
    rmdir(name)
    head, tail = path.split(fspath(name))
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def remove(path, *, dir_fd=None):
    _os.unlink(_path('remove', path))


def unlink(path, *, dir_fd=None):
    _os.unlink(_path('unlink', path))


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _os.rename(_path('rename', src), _path('rename', dst))


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _os.rename(_path('replace', src), _path('replace', dst))


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def symlink(src, dst, target_is_directory=False, *, dir_fd=None):
    _os.symlink(_path('symlink', src), _path('symlink', dst))


def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True):
    _os.link(_path('link', src), _path('link', dst))


def readlink(path, *, dir_fd=None):
    return _os.readlink(_path('readlink', path))


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    _os.chmod(_path('chmod', path), mode)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    p = _path('utime', path)
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError('utime: times must be either a tuple of two ints or None')
        a, m = times
        _os.utime(p, int(a * 1000000000), int(m * 1000000000))
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError('utime: ns must be a tuple of two ints')
        _os.utime(p, ns[0], ns[1])
    else:
        _os.utime(p, None, None)


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return _os.access(_path('access', path), mode)


def truncate(path, length):
    if isinstance(path, int):
        return _os.ftruncate(path, length)
    fd = open(path, O_WRONLY)
    try:
        _os.ftruncate(fd, length)
    finally:
        close(fd)


class DirEntry:
    """An entry yielded by scandir: name, path, and cached is_dir/is_file/is_symlink/stat."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000

    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000


class _ScandirIterator:
    def __init__(self, top, names):
        self._top = top
        self._it = iter(names)

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._top, next(self._it))

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


def scandir(path='.'):
    p = _path('scandir', path)
    return _ScandirIterator(p, _os.listdir(p))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) for each directory."""
    top = fspath(top)
    dirs = []
    nondirs = []
    try:
        entries = list(scandir(top))
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    for entry in entries:
        if entry.is_dir():
            dirs.append(entry.name)
        else:
            nondirs.append(entry.name)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
    else:
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
        yield top, dirs, nondirs


# ---- file descriptors ----------------------------------------------------------------------------

def open(path, flags, mode=0o777, *, dir_fd=None):
    return _os.open(_path('open', path), flags, mode)


def _fd(fd):
    if isinstance(fd, bool) or not isinstance(fd, int):
        if hasattr(type(fd), '__index__'):
            return fd.__index__()
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(fd).__name__)
    return fd


def read(fd, n):
    return _os.read(_fd(fd), _fd(n))


def write(fd, data):
    return _os.write(_fd(fd), data)


def close(fd):
    _os.close(_fd(fd))


def closerange(lo, hi):
    for fd in range(lo, hi):
        try:
            _os.close(fd)
        except OSError:
            pass


def pipe():
    return _os.pipe()


def dup(fd):
    return _os.dup(_fd(fd))


def dup2(fd, fd2, inheritable=True):
    return _os.dup2(_fd(fd), _fd(fd2), bool(inheritable))


def lseek(fd, pos, how):
    return _os.lseek(_fd(fd), _fd(pos), _fd(how))


def isatty(fd):
    return _os.isatty(_fd(fd))


def ftruncate(fd, length):
    _os.ftruncate(_fd(fd), _fd(length))


def fsync(fd):
    if not isinstance(fd, int):
        fd = fd.fileno()
    _os.fsync(fd)


def fdopen(fd, mode='r', buffering=-1, encoding=None, *args, **kwargs):
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def get_inheritable(fd):
    return False


def set_inheritable(fd, inheritable):
    pass


class terminal_size:
    def __init__(self, t):
        self.columns, self.lines = t
        self._t = t

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 2

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        return self._t == tuple(other)

    def __repr__(self):
        return 'os.terminal_size(columns=%d, lines=%d)' % self._t


def get_terminal_size(fd=1):
    return terminal_size(_os.get_terminal_size(fd))


# ---- process -------------------------------------------------------------------------------------

def getpid():
    return _os.ids()[0]


def getppid():
    return _os.ids()[1]


def getuid():
    return _os.ids()[2]


def geteuid():
    return _os.ids()[3]


def getgid():
    return _os.ids()[4]


def getegid():
    return _os.ids()[5]


def getlogin():
    return _os.getlogin()


def umask(mask):
    return _os.umask(mask)


def kill(pid, sig):
    _os.kill(pid, sig)


def _exit(n):
    _os._exit(n)


def urandom(n):
    return _os.urandom(n)


def strerror(code):
    return _os.strerror(code)


def cpu_count():
    return _os.cpu_count()


def system(command):
    return _os.system(command)


def waitpid(pid, options):
    return _os.waitpid(pid, options)


def wait():
    return _os.waitpid(-1, 0)


def waitstatus_to_exitcode(status):
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    raise ValueError('invalid wait status: %d' % status)


def WIFEXITED(status):
    return status & 0x7f == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xff


def WIFSIGNALED(status):
    return 0 < status & 0x7f < 0x7f


def WTERMSIG(status):
    return status & 0x7f


def WIFSTOPPED(status):
    return status & 0xff == 0x7f


def WSTOPSIG(status):
    return (status >> 8) & 0xff


uname_result = _structseq.structseq('posix.uname_result',
                                    ('sysname', 'nodename', 'release', 'version', 'machine'))


def uname():
    return _structseq.make(uname_result, _os.uname())


# ---- environment ---------------------------------------------------------------------------------

class _Environ:
    """os.environ: a str->str mapping whose stores and deletes go through putenv/unsetenv."""

    def __init__(self):
        flat = _os.environ()
        self._data = {}
        for i in range(0, len(flat), 2):
            self._data[flat[i]] = flat[i + 1]

    @staticmethod
    def _check(x, what):
        if not isinstance(x, str):
            raise TypeError('str expected, not %s' % type(x).__name__)
        return x

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        self._check(key, 'key')
        self._check(value, 'value')
        _os.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        self._check(key, 'key')
        _os.unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            v = self._data[key]
            del self[key]
            return v
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        for k in self._data:
            return k, self.pop(k)
        raise KeyError('popitem(): dictionary is empty')

    def clear(self):
        for k in list(self._data):
            del self[k]

    def update(self, other=(), **kw):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def copy(self):
        return dict(self._data)

    def __or__(self, other):
        d = dict(self._data)
        d.update(other)
        return d

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return 'environ(' + repr(self._data) + ')'


environ = _Environ()


def getenv(key, default=None):
    if not isinstance(key, str):
        raise TypeError('str expected, not %s' % type(key).__name__)
    return environ.get(key, default)


def putenv(key, value):
    _os.putenv(key, value)


def unsetenv(key):
    _os.unsetenv(key)


def get_exec_path(env=None):
    if env is None:
        env = environ
    return env.get('PATH', defpath).split(pathsep)


sys.modules['os.path'] = path


class _wrap_close:
    """The file object of os.popen: close() waits for the command and answers its exit status
    (None for success, else the wait status as CPython's)."""

    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        if returncode < 0:
            return -returncode
        return returncode << 8

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


def popen(cmd, mode='r', buffering=-1):
    """Run cmd in a shell; a text stream reading its stdout ('r') or writing its stdin ('w')."""
    if not isinstance(cmd, str):
        raise TypeError('invalid cmd type (%s, expected string)' % type(cmd).__name__)
    if mode not in ('r', 'w'):
        raise ValueError('invalid mode %r' % mode)
    if buffering == 0 or buffering is None:
        raise ValueError('popen() does not support unbuffered streams')
    import subprocess
    if mode == 'r':
        proc = subprocess.Popen(cmd, shell=True, text=True, stdout=subprocess.PIPE, bufsize=buffering)
        return _wrap_close(proc.stdout, proc)
    proc = subprocess.Popen(cmd, shell=True, text=True, stdin=subprocess.PIPE, bufsize=buffering)
    return _wrap_close(proc.stdin, proc)
