"""io: the I/O stack in Python over _os file descriptors.

Layers as CPython's: FileIO (raw fd) <- BufferedReader/BufferedWriter/BufferedRandom (byte
buffering) <- TextIOWrapper (decoding, universal newlines), plus the in-memory StringIO and
BytesIO, and open() choosing the stack from the mode.

TextIOWrapper keeps undecoded bytes and decodes a line at a time, so tell() is an exact byte
offset; this needs an ASCII-compatible encoding (utf-8, latin-1, ascii), the ones minipy's codecs
provide.
"""

import _os

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


def _closed_error():
    return ValueError('I/O operation on closed file.')


class IOBase:
    """Common base: closing, context management, line iteration."""

    __module__ = '_io'
    _closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    @property
    def closed(self):
        return self._closed

    def _check_closed(self):
        if self.closed:
            raise _closed_error()

    def close(self):
        if not self._closed:
            try:
                self.flush()
            finally:
                self._closed = True

    def flush(self):
        self._check_closed()

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def _check_readable(self):
        if not self.readable():
            raise UnsupportedOperation('read')

    def _check_writable(self):
        if not self.writable():
            raise UnsupportedOperation('write')

    def _check_seekable(self):
        if not self.seekable():
            raise UnsupportedOperation('seek')

    def isatty(self):
        self._check_closed()
        return False

    def fileno(self):
        self._unsupported('fileno')

    def seek(self, pos, whence=0):
        self._unsupported('seek')

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported('truncate')

    def readline(self, size=-1):
        """Bytes up to and including b'\\n' (generic version over read(1))."""
        self._check_closed()
        if size is None:
            size = -1
        res = bytearray()
        while size < 0 or len(res) < size:
            b = self.read(1)
            if not b:
                break
            res += b
            if b == b'\n':
                break
        return bytes(res)

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class RawIOBase(IOBase):
    def read(self, size=-1):
        if size is None or size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        return bytes(b[:n])

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        return bytes(res)


class BufferedIOBase(IOBase):
    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def detach(self):
        self._unsupported('detach')


class TextIOBase(IOBase):
    encoding = None
    errors = None
    newlines = None

    def detach(self):
        self._unsupported('detach')


# ---- FileIO --------------------------------------------------------------------------------------

def _fspath(file):
    if isinstance(file, (str, bytes, int)):
        return file
    if hasattr(type(file), '__fspath__'):
        p = type(file).__fspath__(file)
        if isinstance(p, (str, bytes)):
            return p
        raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                        % (type(file).__name__, type(p).__name__))
    raise TypeError('expected str, bytes or os.PathLike object, not ' + type(file).__name__)


def _open_fd(file, flags):
    """_os.open, retried once after a full collection when the process is out of descriptors:
    files dropped without close() are only closed by their finalizers, which run when the
    garbage collector gets to them (as on PyPy)."""
    try:
        return _os.open(file, flags, 0o666)
    except OSError as e:
        if e.errno not in (23, 24):
            raise
    import gc
    gc.collect()
    return _os.open(file, flags, 0o666)


class FileIO(RawIOBase):
    """Raw binary I/O on a file descriptor."""

    _pending = None

    def __init__(self, file, mode='r', closefd=True, opener=None):
        self._fd = -1
        if isinstance(file, float):
            raise TypeError('integer argument expected, got float')
        if not isinstance(mode, str):
            raise TypeError('FileIO() argument 2 must be str, not ' + type(mode).__name__)
        s = set(mode)
        if len(s) != len(mode) or not s <= set('rwxab+') or \
                sum(c in 'rwxa' for c in mode) != 1:
            raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
        self._readable = 'r' in mode or '+' in mode
        self._writable = 'r' not in mode or '+' in mode
        self._append = 'a' in mode
        flags = 0
        if 'x' in mode:
            flags = 0o100 | 0o200
            self._mode = 'xb'
        elif 'r' in mode:
            self._mode = 'rb'
        elif 'w' in mode:
            flags = 0o100 | 0o1000
            self._mode = 'wb'
        else:
            flags = 0o100 | 0o2000
            self._mode = 'ab'
        if '+' in mode:
            flags |= 2
            self._mode += '+'
        elif self._readable:
            flags |= 0
        else:
            flags |= 1
        if isinstance(file, int):
            if isinstance(file, bool):
                file = int(file)
            if file < 0:
                raise ValueError('negative file descriptor')
            self._fd = file
            self._closefd = closefd
        else:
            if not closefd:
                raise ValueError('Cannot use closefd=False with file name')
            file = _fspath(file)
            if opener is not None:
                fd = opener(file, flags)
                if not isinstance(fd, int):
                    raise TypeError('expected integer from opener')
                if fd < 0:
                    raise ValueError('opener returned %d' % fd)
            else:
                fd = _open_fd(file, flags)
            self._fd = fd
            self._closefd = True
            try:
                st = _os.stat(fd, True)
            except OSError:
                st = None
            if st is not None and st[0] & 0o170000 == 0o040000:
                _os.close(fd)
                self._fd = -1
                raise IsADirectoryError(21, 'Is a directory', file)
        self.name = file
        if self._append:
            try:
                _os.lseek(self._fd, 0, 2)
            except OSError:
                pass

    @property
    def mode(self):
        return self._mode

    @property
    def closefd(self):
        return self._closefd

    @property
    def closed(self):
        return self._fd < 0

    def __repr__(self):
        cls = '_io.FileIO'
        if self.closed:
            return '<%s [closed]>' % cls
        return '<%s name=%r mode=%r closefd=%r>' % (cls, self.name, self._mode, self._closefd)

    def fileno(self):
        self._check_closed()
        return self._fd

    def readable(self):
        self._check_closed()
        return self._readable

    def writable(self):
        self._check_closed()
        return self._writable

    def seekable(self):
        self._check_closed()
        try:
            _os.lseek(self._fd, 0, 1)
        except OSError:
            return False
        return True

    def isatty(self):
        self._check_closed()
        return _os.isatty(self._fd)

    def read(self, size=-1):
        self._check_closed()
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')
        if size is None or size < 0:
            return self.readall()
        return _os.read(self._fd, size)

    def readall(self):
        self._check_closed()
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')
        chunks = []
        while True:
            data = _os.read(self._fd, 65536)
            if not data:
                break
            chunks.append(data)
        return b''.join(chunks)

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._check_closed()
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')
        return _os.write(self._fd, b)

    def seek(self, pos, whence=0):
        self._check_closed()
        if isinstance(pos, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        return _os.lseek(self._fd, pos, whence)

    def tell(self):
        self._check_closed()
        return _os.lseek(self._fd, 0, 1)

    def truncate(self, size=None):
        self._check_closed()
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')
        if size is None:
            size = self.tell()
        _os.ftruncate(self._fd, size)
        return size

    def close(self):
        if self._fd >= 0:
            fd = self._fd
            # bytes a buffered writer over us still holds (shared, see _BufferedBase): written
            # here too, because finalizers at exit may close the raw file before its buffer
            pending = self._pending
            try:
                while pending:
                    n = _os.write(fd, bytes(pending))
                    del pending[:n]
            finally:
                self._fd = -1
                if self._closefd:
                    _os.close(fd)


# ---- buffered ------------------------------------------------------------------------------------

class _BufferedBase(BufferedIOBase):
    """Read buffer (`_rbuf`, consumed from `_rpos`) and write buffer (`_wbuf`) over a raw stream;
    at most one of them is non-empty at a time."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError('buffer size must be strictly positive')
        self.raw = raw
        self.buffer_size = buffer_size
        self._rbuf = b''
        self._rpos = 0
        # the write buffer is shared with a FileIO below, which flushes it when it is closed
        # (or finalized) first; it is only ever mutated in place
        self._wbuf = bytearray()
        if isinstance(raw, FileIO):
            raw._pending = self._wbuf

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    @property
    def closed(self):
        return self.raw.closed

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    def __repr__(self):
        cls = '_io.' + type(self).__name__
        try:
            name = self.name
        except AttributeError:
            return '<%s>' % cls
        return '<%s name=%r>' % (cls, name)

    def detach(self):
        self.flush()
        raw = self.raw
        self.raw = None
        return raw

    # -- writing
    def _flush_writes(self):
        while self._wbuf:
            n = self.raw.write(bytes(self._wbuf))
            if n is None or n <= 0:
                raise BlockingIOError(11, 'write could not complete without blocking', 0)
            del self._wbuf[:n]

    def _drop_reads(self):
        """Discards the read-ahead, moving the raw position back to the logical one."""
        if self._rpos < len(self._rbuf):
            self.raw.seek(self._rpos - len(self._rbuf), 1)
        self._rbuf = b''
        self._rpos = 0

    def flush(self):
        if self.closed:
            raise ValueError('flush of closed file')
        self._flush_writes()

    def write(self, b):
        if self.closed:
            raise ValueError('write to closed file')
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not self.raw.writable():
            raise UnsupportedOperation('write')
        if self._rbuf:
            self._drop_reads()
        self._wbuf.extend(b)
        if len(self._wbuf) >= self.buffer_size:
            self._flush_writes()
        return len(b)

    # -- reading
    def _fill(self):
        """Refills the read buffer; False at EOF."""
        if self._wbuf:
            self._flush_writes()
        data = self.raw.read(self.buffer_size)
        if not data:
            return False
        if self._rpos < len(self._rbuf):
            self._rbuf = self._rbuf[self._rpos:] + data
        else:
            self._rbuf = data
        self._rpos = 0
        return True

    def read(self, size=-1):
        self._check_closed()
        if not self.raw.readable():
            raise UnsupportedOperation('read')
        if size is None or size < 0:
            self._flush_writes()
            rest = self._rbuf[self._rpos:]
            self._rbuf = b''
            self._rpos = 0
            return rest + self.raw.readall()
        while len(self._rbuf) - self._rpos < size:
            if not self._fill():
                break
        r = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(r)
        return r

    def read1(self, size=-1):
        self._check_closed()
        if self._rpos >= len(self._rbuf):
            self._fill()
        if size is None or size < 0:
            size = len(self._rbuf) - self._rpos
        r = self._rbuf[self._rpos:self._rpos + size]
        self._rpos += len(r)
        return r

    def peek(self, size=0):
        self._check_closed()
        if self._rpos >= len(self._rbuf):
            self._fill()
        return self._rbuf[self._rpos:]

    def readline(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        while True:
            i = self._rbuf.find(b'\n', self._rpos)
            if i >= 0 or (size >= 0 and len(self._rbuf) - self._rpos >= size):
                break
            if not self._fill():
                break
        end = len(self._rbuf) if i < 0 else i + 1
        if size >= 0:
            end = min(end, self._rpos + size)
        r = self._rbuf[self._rpos:end]
        self._rpos = end
        return r

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence not in (0, 1, 2):
            raise ValueError('whence value %d unsupported' % whence)
        self._flush_writes()
        if whence == 1:
            pos -= len(self._rbuf) - self._rpos
        self._rbuf = b''
        self._rpos = 0
        return self.raw.seek(pos, whence)

    def tell(self):
        self._check_closed()
        return self.raw.tell() - (len(self._rbuf) - self._rpos) + len(self._wbuf)

    def truncate(self, pos=None):
        self._check_closed()
        self.flush()
        if pos is None:
            pos = self.tell()
        self._drop_reads()
        return self.raw.truncate(pos)

    def close(self):
        if self.raw is None or self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()


class BufferedReader(_BufferedBase):
    def writable(self):
        return False


class BufferedWriter(_BufferedBase):
    def readable(self):
        return False


class BufferedRandom(_BufferedBase):
    pass


class BufferedRWPair(BufferedIOBase):
    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=-1):
        return self.reader.readline(size)

    def write(self, b):
        return self.writer.write(b)

    def flush(self):
        self.writer.flush()

    def readable(self):
        return True

    def writable(self):
        return True

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    @property
    def closed(self):
        return self.writer.closed


# ---- text ----------------------------------------------------------------------------------------

def _check_newline(newline):
    if newline is not None and not isinstance(newline, str):
        raise TypeError('illegal newline type: ' + type(newline).__name__)
    if newline not in (None, '', '\n', '\r', '\r\n'):
        raise ValueError('illegal newline value: ' + newline)


class TextIOWrapper(TextIOBase):
    """Text over a binary buffer: encoding/decoding and newline handling."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False,
                 write_through=False):
        _check_newline(newline)
        if encoding is None or encoding == 'locale':
            # the locale encoding of minipy is always UTF-8
            encoding = 'UTF-8'
        elif not isinstance(encoding, str):
            raise TypeError('TextIOWrapper() argument 2 must be str or None, not '
                            + type(encoding).__name__)
        else:
            try:
                'a'.encode(encoding)
            except LookupError:
                raise LookupError('unknown encoding: ' + encoding) from None
        if errors is None:
            errors = 'strict'
        self.buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        self.line_buffering = line_buffering
        self.write_through = write_through
        self._raw = b''          # undecoded bytes read ahead from the buffer
        self._eof = False
        self._seen = set()       # newline kinds met while reading (for .newlines)

    encoding = property(lambda self: self._encoding)
    errors = property(lambda self: self._errors)

    @property
    def newlines(self):
        if self._newline is not None or not self._seen:
            return None
        kinds = [k for k in ('\r', '\n', '\r\n') if k in self._seen]
        return kinds[0] if len(kinds) == 1 else tuple(kinds)

    @property
    def name(self):
        return self.buffer.name

    @property
    def mode(self):
        return getattr(self, '_mode', 'r')

    @property
    def closed(self):
        return self.buffer.closed

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def __repr__(self):
        r = '<_io.TextIOWrapper'
        try:
            r += ' name=%r' % (self.name,)
        except AttributeError:
            pass
        m = getattr(self, '_mode', None)
        if m is not None:
            r += ' mode=%r' % (m,)
        return r + ' encoding=%r>' % (self._encoding,)

    def detach(self):
        self.flush()
        b = self.buffer
        self.buffer = None
        return b

    def close(self):
        if self.buffer is not None and not self.buffer.closed:
            try:
                self.flush()
            finally:
                self.buffer.close()

    def flush(self):
        self._check_closed()
        self.buffer.flush()

    # -- writing
    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        if not self.buffer.writable():
            raise UnsupportedOperation('not writable')
        n = len(s)
        text = s
        if self._newline not in (None, '', '\n') and '\n' in text:
            text = text.replace('\n', self._newline)
        if self._raw:
            # writing after reading: drop the decoded read-ahead, as seek(tell()) would
            self.buffer.seek(self.tell())
            self._raw = b''
        self.buffer.write(text.encode(self._encoding, self._errors))
        if self.write_through or (self.line_buffering and ('\n' in s or '\r' in s)):
            self.buffer.flush()
        return n

    # -- reading
    def _more(self):
        """Reads another chunk of bytes into _raw; False at EOF."""
        if self._eof:
            return False
        data = self.buffer.read1(DEFAULT_BUFFER_SIZE)
        if not data:
            self._eof = True
            return False
        self._raw += data
        return True

    def _decode(self, b):
        return b.decode(self._encoding, self._errors)

    def _translate(self, s):
        if self._newline is None:
            if '\r' in s:
                if '\r\n' in s:
                    self._seen.add('\r\n')
                    s = s.replace('\r\n', '\n')
                if '\r' in s:
                    self._seen.add('\r')
                    s = s.replace('\r', '\n')
            if '\n' in s:
                self._seen.add('\n')
        return s

    def _line_end(self, start):
        """Index just past the first line ending in _raw at or after start, or -1 if none yet
        (a final \\r may still be followed by \\n)."""
        raw = self._raw
        nl = self._newline
        if nl == '\n':
            i = raw.find(b'\n', start)
            return -1 if i < 0 else i + 1
        if nl == '\r':
            i = raw.find(b'\r', start)
            return -1 if i < 0 else i + 1
        if nl == '\r\n':
            i = raw.find(b'\r\n', start)
            return -1 if i < 0 else i + 2
        i = raw.find(b'\n', start)
        j = raw.find(b'\r', start, i if i >= 0 else len(raw))
        if j < 0:
            return -1 if i < 0 else i + 1
        if j + 1 < len(raw):
            return j + 2 if raw[j + 1] == 10 else j + 1
        return j + 1 if self._eof else -1

    def readline(self, size=-1):
        self._check_closed()
        if not self.buffer.readable():
            raise UnsupportedOperation('not readable')
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        start = 0
        while True:
            end = self._line_end(0)
            if end >= 0:
                break
            if not self._more():
                end = len(self._raw)
                if end and self._raw[-1] == 13 and self._newline in (None, ''):
                    end = len(self._raw)
                break
        if size >= 0:
            line = self._decode(self._raw[:end])
            if len(line) > size:
                line = line[:size]
                end = len(line.encode(self._encoding, self._errors))
        line_bytes = self._raw[:end]
        self._raw = self._raw[end:]
        return self._translate(self._decode(line_bytes))

    def read(self, size=-1):
        self._check_closed()
        if not self.buffer.readable():
            raise UnsupportedOperation('not readable')
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        if size < 0:
            data = self._raw + self.buffer.read()
            self._raw = b''
            self._eof = True
            s = self._decode(data)
            if self._newline is None and data.endswith(b'\r'):
                pass
            return self._translate(s)
        parts = []
        n = 0
        while n < size:
            line = self.readline(size - n)
            if not line:
                break
            parts.append(line)
            n += len(line)
        return ''.join(parts)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_closed()
        if not self.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        self.buffer.flush()
        return self.buffer.tell() - len(self._raw)

    def seek(self, cookie, whence=0):
        self._check_closed()
        if not self.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            self._raw = b''
            self._eof = False
            return self.buffer.seek(0, 2)
        if whence != 0:
            raise ValueError('invalid whence (%r, should be 0, 1 or 2)' % (whence,))
        if cookie < 0:
            raise ValueError('negative seek position %r' % (cookie,))
        self.flush()
        self._raw = b''
        self._eof = False
        return self.buffer.seek(cookie)

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        self._raw = b''
        return self.buffer.truncate(pos)


# ---- in memory -----------------------------------------------------------------------------------

class StringIO(TextIOBase):
    """An in-memory text stream."""

    def __init__(self, initial_value='', newline='\n'):
        _check_newline(newline)
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not ' + type(initial_value).__name__)
        self._newline = newline
        self._chunks = []
        self._buf = ''
        self._len = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def _value(self):
        if self._chunks:
            self._buf = self._buf + ''.join(self._chunks)
            self._chunks = []
        return self._buf

    def getvalue(self):
        self._check_closed()
        return self._value()

    def readable(self):
        self._check_closed()
        return True

    writable = readable
    seekable = readable

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def close(self):
        self._closed = True

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got \'%s\'' % type(s).__name__)
        n = len(s)
        if self._newline is None:
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif self._newline not in ('', '\n'):
            s = s.replace('\n', self._newline)
        if self._pos == self._len:
            self._chunks.append(s)
        else:
            v = self._value()
            if self._pos > self._len:
                v = v + '\0' * (self._pos - self._len)
            self._buf = v[:self._pos] + s + v[self._pos + len(s):]
        self._pos += len(s)
        self._len = max(self._len, self._pos)
        return n

    def read(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        v = self._value()
        end = self._len if size < 0 else min(self._len, self._pos + size)
        r = v[self._pos:end]
        self._pos = max(self._pos, end)
        return r

    def readline(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        v = self._value()
        if self._pos >= self._len:
            return ''
        if self._newline == '':
            i = v.find('\n', self._pos)
            j = v.find('\r', self._pos, i if i >= 0 else self._len)
            if j >= 0:
                end = j + 2 if v[j + 1:j + 2] == '\n' else j + 1
            else:
                end = self._len if i < 0 else i + 1
        else:
            nl = '\n' if self._newline is None else self._newline
            i = v.find(nl, self._pos)
            end = self._len if i < 0 else i + len(nl)
        if size >= 0:
            end = min(end, self._pos + size)
        r = v[self._pos:end]
        self._pos = end
        return r

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def tell(self):
        self._check_closed()
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        if size < self._len:
            self._buf = self._value()[:size]
            self._len = size
        return size

    def __repr__(self):
        return '<_io.StringIO object>'

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)


class BytesIO(BufferedIOBase):
    """An in-memory binary stream over a bytearray."""

    def __init__(self, initial_bytes=b''):
        if isinstance(initial_bytes, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        self._b = bytearray(initial_bytes) if initial_bytes is not None else bytearray()
        self._pos = 0

    def getvalue(self):
        self._check_closed()
        return bytes(self._b)

    def getbuffer(self):
        self._check_closed()
        return memoryview(self._b)

    def readable(self):
        self._check_closed()
        return True

    writable = readable
    seekable = readable

    def close(self):
        self._closed = True

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        n = len(b)
        end = self._pos + n
        if self._pos > len(self._b):
            self._b += bytes(self._pos - len(self._b))
        self._b[self._pos:end] = b
        self._pos = end
        return n

    def read(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        end = len(self._b) if size < 0 else min(len(self._b), self._pos + size)
        r = bytes(self._b[self._pos:end])
        self._pos = max(self._pos, end)
        return r

    read1 = read

    def readline(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        i = self._b.find(b'\n', self._pos)
        end = len(self._b) if i < 0 else i + 1
        if size >= 0:
            end = min(end, self._pos + size)
        r = bytes(self._b[self._pos:end])
        self._pos = max(self._pos, end)
        return r

    def readinto(self, buf):
        data = self.read(len(buf))
        n = len(data)
        buf[:n] = data
        return n

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._b) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def tell(self):
        self._check_closed()
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('negative size value %d' % size)
        del self._b[size:]
        return size

    def __repr__(self):
        return '<_io.BytesIO object>'


# ---- open ----------------------------------------------------------------------------------------

def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
         opener=None):
    """Open a file and return a stream (text or binary, buffered or raw by mode)."""
    if not isinstance(file, (str, bytes, int)):
        file = _fspath(file)
    if not isinstance(mode, str):
        raise TypeError('open() argument \'mode\' must be str, not ' + type(mode).__name__)
    if not isinstance(buffering, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(buffering).__name__)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not "
                        + type(encoding).__name__)
    if errors is not None and not isinstance(errors, str):
        raise TypeError("open() argument 'errors' must be str or None, not "
                        + type(errors).__name__)
    modes = set(mode)
    if modes - set('axrwb+tU') or len(mode) > len(modes):
        raise ValueError('invalid mode: %r' % mode)
    creating = 'x' in modes
    reading = 'r' in modes
    writing = 'w' in modes
    appending = 'a' in modes
    updating = '+' in modes
    text = 't' in modes
    binary = 'b' in modes
    if 'U' in modes:
        raise ValueError('invalid mode: %r' % mode)
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not (creating or reading or writing or appending):
        raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if not binary:
        _check_newline(newline)
    if binary and buffering == 1:
        buffering = -1
    raw = FileIO(file, (creating and 'x' or '') + (reading and 'r' or '') +
                 (writing and 'w' or '') + (appending and 'a' or '') + (updating and '+' or ''),
                 closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or (buffering < 0 and raw.isatty()):
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        else:
            buffer = BufferedReader(raw, buffering)
        result = buffer
        if binary:
            return result
        text = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        text._mode = mode
        return text
    except BaseException:
        result.close()
        raise


import builtins as _builtins
_builtins.open = open
del _builtins


def open_code(path):
    return open(path, 'rb')


def text_encoding(encoding, stacklevel=2):
    return 'locale' if encoding is None else encoding
