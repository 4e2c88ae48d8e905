"""posixpath (os.path): POSIX pathname operations on str or bytes paths.

Pure string functions (join, split, normpath, ...) never touch the file system; the predicates
(exists, isdir, ...) stat through os and answer False instead of raising OSError.
"""

import os
import sys

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
altsep = None
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_unicode_filenames = False

__all__ = ['join', 'split', 'splitext', 'basename', 'dirname', 'exists', 'lexists', 'isfile',
           'isdir', 'islink', 'ismount', 'abspath', 'realpath', 'normpath', 'relpath',
           'expanduser', 'expandvars', 'getsize', 'getmtime', 'getatime', 'getctime',
           'commonpath', 'commonprefix', 'isabs', 'samefile', 'sameopenfile', 'samestat',
           'splitdrive', 'normcase']


def _seps(p):
    """The separator, current and parent dir in p's type (str or bytes)."""
    if isinstance(p, bytes):
        return b'/', b'.', b'..'
    return '/', '.', '..'


def _check_arg_types(funcname, *args):
    hasstr = hasbytes = False
    for s in args:
        if isinstance(s, str):
            hasstr = True
        elif isinstance(s, bytes):
            hasbytes = True
        else:
            raise TypeError('%s() argument must be str, bytes, or os.PathLike object, not %r'
                            % (funcname, type(s).__name__)) from None
    if hasstr and hasbytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    return os.fspath(s)


def isabs(s):
    s = os.fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = os.fspath(a)
    sep = _seps(a)[0]
    path = a
    try:
        if not p:
            path[:0] + sep
        for b in map(os.fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError):
        _check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    p = os.fspath(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = os.fspath(p)
    if isinstance(p, bytes):
        sep, extsep = b'/', b'.'
    else:
        sep, extsep = '/', '.'
    sep_index = p.rfind(sep)
    dot_index = p.rfind(extsep)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != extsep:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    p = os.fspath(p)
    i = p.rfind(_seps(p)[0]) + 1
    return p[i:]


def dirname(p):
    p = os.fspath(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def _stat(path, follow=True):
    try:
        return os.stat(path) if follow else os.lstat(path)
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat(path) is not None


def lexists(path):
    return _stat(path, False) is not None


def isfile(path):
    st = _stat(path)
    return st is not None and st.st_mode & 0o170000 == 0o100000


def isdir(s):
    st = _stat(s)
    return st is not None and st.st_mode & 0o170000 == 0o040000


def islink(path):
    st = _stat(path, False)
    return st is not None and st.st_mode & 0o170000 == 0o120000


def ismount(path):
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if s1.st_mode & 0o170000 == 0o120000:
        return False
    path = os.fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    parent = realpath(parent)
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(os.fstat(fp1), os.fstat(fp2))


def normpath(path):
    path = os.fspath(path)
    sep, curdir, pardir = _seps(path)
    empty = path[:0]
    if path == empty:
        return curdir
    initial_slashes = 1 if path.startswith(sep) else 0
    # POSIX keeps exactly two leading slashes, collapses three or more to one
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in (empty, curdir):
            continue
        if (comp != pardir or (not initial_slashes and not new_comps)
                or (new_comps and new_comps[-1] == pardir)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or curdir


def abspath(path):
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path: symbolic links resolved, '.' and '..' removed."""
    filename = os.fspath(filename)
    sep, curdir, pardir = _seps(filename)
    if not isabs(filename):
        cwd = os.getcwdb() if isinstance(filename, bytes) else os.getcwd()
        filename = join(cwd, filename)
    path = sep
    rest = [c for c in filename.split(sep) if c]
    rest.reverse()
    seen = 0
    while rest:
        name = rest.pop()
        if name == curdir:
            continue
        if name == pardir:
            path = dirname(path) or sep
            continue
        newpath = join(path, name)
        st = _stat(newpath, False)
        if st is None:
            if strict:
                os.lstat(newpath)
            path = newpath
            continue
        if st.st_mode & 0o170000 != 0o120000:
            path = newpath
            continue
        seen += 1
        if seen > 40:
            if strict:
                os.stat(newpath)
            path = newpath
            continue
        target = os.readlink(newpath)
        if isabs(target):
            path = sep
        parts = [c for c in target.split(sep) if c]
        parts.reverse()
        rest.extend(parts)
    return path


def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    path = os.fspath(path)
    sep, curdir, pardir = _seps(path)
    if start is None:
        start = curdir
    else:
        start = os.fspath(start)
    try:
        start_list = [x for x in abspath(start).split(sep) if x]
        path_list = [x for x in abspath(path).split(sep) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir
        return join(*rel_list)
    except (TypeError, AttributeError, DeprecationWarning):
        _check_arg_types('relpath', path, start)
        raise


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(os.fspath, paths))
    sep, curdir, _ = _seps(paths[0])
    try:
        split_paths = [p.split(sep) for p in paths]
        try:
            isabs_, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs_ else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise


def expanduser(path):
    path = os.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = _seps(path)[0]
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        if 'HOME' in os.environ:
            userhome = os.environ['HOME']
        else:
            return path
    else:
        name = path[1:i]
        if isinstance(name, bytes):
            name = name.decode()
        userhome = None
        try:
            with open('/etc/passwd') as f:
                for line in f:
                    fields = line.split(':')
                    if len(fields) > 5 and fields[0] == name:
                        userhome = fields[5]
                        break
        except OSError:
            pass
        if userhome is None:
            return path
    if isinstance(path, bytes):
        userhome = userhome.encode()
    userhome = userhome.rstrip(sep)
    return (userhome + path[i:]) or sep


def _is_name_char(c):
    return c.isalnum() or c == '_'


def expandvars(path):
    """Replace $name and ${name} by environment values; unknown variables stay as they are."""
    path = os.fspath(path)
    is_bytes = isinstance(path, bytes)
    if is_bytes:
        s = path.decode('latin-1')
    else:
        s = path
    if '$' not in s:
        return path
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and s[i + 1] == '{':
            j = s.find('}', i + 2)
            name = s[i + 2:j] if j >= 0 else ''
            if j < 0 or not name or not all(_is_name_char(ch) for ch in name):
                out.append(c)
                i += 1
                continue
            end = j + 1
        else:
            j = i + 1
            while j < n and _is_name_char(s[j]):
                j += 1
            name = s[i + 1:j]
            if not name:
                out.append(c)
                i += 1
                continue
            end = j
        if name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(s[i:end])
        i = end
    r = ''.join(out)
    return r.encode('latin-1') if is_bytes else r
