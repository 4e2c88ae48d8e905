# OSError construction: the errno -> subclass mapping, errno/strerror/filename/filename2, args,
# str(), the OSError hierarchy and aliases, and errors raised by the os functions.
import errno
for no in [errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR,
           errno.EPIPE, errno.EINTR, errno.ECHILD, errno.ESRCH, errno.EAGAIN, errno.ETIMEDOUT,
           errno.ECONNREFUSED, errno.ECONNRESET, errno.ECONNABORTED, errno.EINVAL, 12345]:
    e = OSError(no, 'message')
    print(no, type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e))
e = OSError(2, 'No such file or directory', 'x.txt')
print(type(e).__name__, e.args, e.filename, e.filename2, str(e), repr(e))
e = OSError(2, 'msg', 'a', None, 'b')
print(e.args, e.filename, e.filename2, str(e))
e = OSError(2, 'msg', 'a', None, 'b', 'extra')
print(type(e).__name__, e.args, e.errno, e.filename, str(e))
for args in [(), ('just a message',), (1,), (None, None)]:
    e = OSError(*args)
    print(args, e.errno, e.strerror, e.filename, str(e))
print(FileNotFoundError('x').errno, str(FileNotFoundError(2, 'nope', b'bytes')))
print(IOError is OSError, EnvironmentError is OSError)
for cls in [BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError, ConnectionAbortedError,
            ConnectionRefusedError, ConnectionResetError, FileExistsError, FileNotFoundError,
            InterruptedError, IsADirectoryError, NotADirectoryError, PermissionError,
            ProcessLookupError, TimeoutError]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:-2]])


class MyErr(OSError):
    pass


e = MyErr(2, 'custom', 'f')
print(type(e).__name__, e.errno, e.filename, str(e))
try:
    raise FileNotFoundError(2, 'gone', 'file.txt')
except OSError as err:
    print(type(err).__name__, err)
