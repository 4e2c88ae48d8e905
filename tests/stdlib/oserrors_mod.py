# Bad arguments to the system modules raise Python exceptions (never a crash).
import os, io, time
tests = [lambda: os.read(99, 10), lambda: os.write(1, 'str'), lambda: os.lseek(0, 0, 99), lambda: os.stat(''),
  lambda: os.waitpid(-1, 0), lambda: os.get_terminal_size(99), lambda: os.putenv('a=b', 'c'),
  lambda: os.putenv('a', 'c\0'), lambda: time.gmtime(1e30), lambda: time.localtime(float('nan')),
  lambda: os.listdir(b'/nonexistent'), lambda: os.read(0, -1), lambda: io.FileIO(-3), lambda: os.close(-1),
  lambda: os.strerror('x'), lambda: os.urandom(-1), lambda: os.kill(os.getpid(), 'x'), lambda: os.dup(-1),
  lambda: os.open('/nonexistent/x', os.O_RDONLY), lambda: os.mkdir(''), lambda: os.chdir('/nonexistent'),
  lambda: os.rmdir('/'), lambda: os.unlink('/'), lambda: os.utime('/nonexistent'), lambda: os.chmod('/nonexistent', 0o777),
  lambda: os.readlink('/'), lambda: os.fspath(None), lambda: time.sleep(-1), lambda: time.strftime('%Y', (2020,)),
  lambda: os.read(0, 2**70), lambda: os.urandom(2**70), lambda: os.close(2**40), lambda: os.fstat(2**31)]
for t in tests:
    try:
        r = t()
        print('ok', repr(r)[:60])
    except Exception as e:
        print(type(e).__name__, e)
