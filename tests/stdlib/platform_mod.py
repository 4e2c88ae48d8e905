# platform, errno, stat: facts that are the same on CPython and minipy.
import platform
import errno
import stat
import os
import sys
print(platform.system(), platform.machine() == os.uname().machine, platform.node() == os.uname().nodename)
print(platform.release() == os.uname().release, platform.python_version() == '%d.%d.%d' % sys.version_info[:3])
print(len(platform.uname()), platform.uname().system, platform.platform().startswith('Linux-'), platform.python_version_tuple()[:2])
print(platform.architecture()[0], type(platform.python_implementation()).__name__)
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EPIPE, errno.EINTR, errno.ENOTDIR, errno.EISDIR)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[95], len(errno.errorcode) > 100)
print(sorted(n for n in dir(errno) if n.startswith('E'))[:5])
try:
    open('/definitely/missing')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
print(stat.S_ISDIR(os.stat('/').st_mode), stat.S_ISREG(os.stat('/').st_mode), stat.filemode(0o100644), stat.filemode(0o40755))
print(stat.S_IMODE(0o100644), stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_IRWXU, stat.ST_SIZE)
