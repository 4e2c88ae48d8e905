"""tempfile: temporary files and directories (mkstemp, mkdtemp, TemporaryFile,
NamedTemporaryFile, TemporaryDirectory, gettempdir). Names are 'tmp' + 8 random characters
from os.urandom; files are created with O_EXCL and mode 0o600, directories with 0o700."""

import os
import io
import shutil as _shutil

__all__ = ['NamedTemporaryFile', 'TemporaryFile', 'SpooledTemporaryFile', 'TemporaryDirectory',
           'mkstemp', 'mkdtemp', 'mktemp', 'TMP_MAX', 'gettempprefix', 'tempdir', 'template',
           'gettempdir', 'gettempprefixb', 'gettempdirb']

TMP_MAX = 10000
template = 'tmp'
tempdir = None

_chars = 'abcdefghijklmnopqrstuvwxyz0123456789_'


def _rand_name():
    return ''.join(_chars[b % len(_chars)] for b in os.urandom(8))


def gettempprefix():
    return template


def gettempprefixb():
    return template.encode()


def _candidate_dirs():
    for envname in ('TMPDIR', 'TEMP', 'TMP'):
        d = os.getenv(envname)
        if d:
            yield d
    yield '/tmp'
    yield '/var/tmp'
    yield '/usr/tmp'
    try:
        yield os.getcwd()
    except OSError:
        yield os.curdir


def _get_default_tempdir():
    for d in _candidate_dirs():
        if d != os.curdir:
            d = os.path.abspath(d)
        if os.path.isdir(d) and os.access(d, os.W_OK | os.X_OK):
            return d
    raise FileNotFoundError(2, 'No usable temporary directory found in %s'
                            % list(_candidate_dirs()))


def gettempdir():
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return tempdir


def gettempdirb():
    return gettempdir().encode()


def _sanitize(prefix, suffix, dir):
    output_type = str
    for arg in (prefix, suffix, dir):
        if isinstance(arg, bytes):
            output_type = bytes
    if suffix is None:
        suffix = output_type()
    if prefix is None:
        prefix = template if output_type is str else template.encode()
    if dir is None:
        dir = gettempdir() if output_type is str else gettempdirb()
    return prefix, suffix, os.fspath(dir), output_type


def _names(output_type):
    for _ in range(TMP_MAX):
        n = _rand_name()
        yield n if output_type is str else n.encode()


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create and open a unique temporary file; returns (fd, absolute path)."""
    prefix, suffix, dir, output_type = _sanitize(prefix, suffix, dir)
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL
    for name in _names(output_type):
        file = os.path.join(dir, prefix + name + suffix)
        try:
            fd = os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, os.path.abspath(file)
    raise FileExistsError(17, 'No usable temporary file name found')


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a unique temporary directory; returns its absolute path."""
    prefix, suffix, dir, output_type = _sanitize(prefix, suffix, dir)
    for name in _names(output_type):
        file = os.path.join(dir, prefix + name + suffix)
        try:
            os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        return os.path.abspath(file)
    raise FileExistsError(17, 'No usable temporary directory name found')


def mktemp(suffix='', prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    for name in _names(str):
        file = os.path.join(dir, prefix + name + suffix)
        if not os.path.lexists(file):
            return file
    raise FileExistsError(17, 'No usable temporary filename found')


class _TemporaryFileWrapper:
    """A file object with .name and .file that deletes the file when closed (if delete)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __iter__(self):
        return iter(self.file)

    def __repr__(self):
        return '<tempfile._TemporaryFileWrapper object>'


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        file = io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding,
                       errors=errors)
    except BaseException:
        os.unlink(name)
        os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        os.unlink(name)
        return io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding,
                       errors=errors)
    except BaseException:
        os.close(fd)
        raise


class SpooledTemporaryFile(_TemporaryFileWrapper):
    """Kept in memory (BytesIO/StringIO); rollover() is a no-op apart from the flag."""

    def __init__(self, max_size=0, mode='w+b', buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        f = io.BytesIO() if 'b' in mode else io.StringIO(newline=newline)
        _TemporaryFileWrapper.__init__(self, f, None, False)
        self._rolled = False

    def rollover(self):
        self._rolled = True


class TemporaryDirectory:
    """A temporary directory removed (with its contents) by cleanup() or at the end of a with."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return '<{} {!r}>'.format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._done:
            return
        self._done = True
        if os.path.exists(self.name):
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
