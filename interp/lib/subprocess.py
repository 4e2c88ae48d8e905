"""subprocess: running child processes (POSIX), over _os.spawn (Rust std::process), pipes from
os.pipe and _os.communicate (which feeds stdin and drains stdout/stderr on threads, so a child
filling one pipe cannot deadlock the parent).

Supported: Popen (args list or str, shell, cwd, env, stdin/stdout/stderr as PIPE, DEVNULL,
STDOUT, a file object or fd, text/universal_newlines/encoding/errors), communicate, wait with
timeout (polling), poll, kill/terminate/send_signal, context manager; run, call, check_call,
check_output, getoutput, getstatusoutput; CompletedProcess, CalledProcessError, TimeoutExpired.
Not supported: preexec_fn, pass_fds, start_new_session, a timeout on communicate().
"""

import os
import io
import _os
import time as _time

__all__ = ['Popen', 'PIPE', 'STDOUT', 'DEVNULL', 'call', 'check_call', 'getstatusoutput',
           'getoutput', 'check_output', 'run', 'CalledProcessError', 'SubprocessError',
           'TimeoutExpired', 'CompletedProcess']

PIPE = -1
STDOUT = -2
DEVNULL = -3

_SIGNAL_NAMES = {1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP',
                 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1',
                 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM'}


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when a process run with check=True exits with a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            sig = -self.returncode
            name = _SIGNAL_NAMES.get(sig)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd, sig)
            return "Command '%s' died with <Signals.%s: %d>." % (self.cmd, name, sig)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return '{}({})'.format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _decode(data, encoding, errors):
    s = data.decode(encoding or 'utf-8', errors or 'strict')
    if '\r' in s:
        s = s.replace('\r\n', '\n').replace('\r', '\n')
    return s


class Popen:
    """A child process."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None,
                 umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.encoding = encoding
        self.errors = errors
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        if isinstance(args, (str, bytes)) or hasattr(type(args), '__fspath__'):
            argv = [args]
        else:
            argv = list(args)
        if shell:
            argv = ['/bin/sh', '-c'] + argv
        argv = [os.fsdecode(a) for a in argv]
        if executable is not None:
            argv[0] = os.fsdecode(executable)
        envlist = None
        if env is not None:
            envlist = ['%s=%s' % (os.fsdecode(k), os.fsdecode(v)) for k, v in env.items()]
        if cwd is not None:
            cwd = os.fsdecode(cwd)
        to_close = []
        parent = {}

        def child_end(spec, name, readable_by_child):
            if spec is None:
                return -1
            if spec == PIPE:
                r, w = os.pipe()
                if readable_by_child:
                    parent[name] = w
                    to_close.append(r)
                    return r
                parent[name] = r
                to_close.append(w)
                return w
            if spec == DEVNULL:
                fd = os.open(os.devnull, os.O_RDWR)
                to_close.append(fd)
                return fd
            if isinstance(spec, int):
                return spec
            return spec.fileno()

        try:
            in_fd = child_end(stdin, 'stdin', True)
            out_fd = child_end(stdout, 'stdout', False)
            if stderr == STDOUT:
                err_fd = out_fd if out_fd >= 0 else 1
            else:
                err_fd = child_end(stderr, 'stderr', False)
            self.pid = _os.spawn(argv, cwd, envlist, in_fd, out_fd, err_fd)
        except BaseException:
            for fd in to_close + list(parent.values()):
                try:
                    os.close(fd)
                except OSError:
                    pass
            raise
        for fd in to_close:
            os.close(fd)
        self._fds = parent
        if 'stdin' in parent:
            self.stdin = io.open(parent['stdin'], 'wb', bufsize)
            if self.text_mode:
                self.stdin = io.TextIOWrapper(self.stdin, encoding=encoding, errors=errors,
                                              write_through=True, line_buffering=bufsize == 1)
        if 'stdout' in parent:
            self.stdout = io.open(parent['stdout'], 'rb', bufsize)
            if self.text_mode:
                self.stdout = io.TextIOWrapper(self.stdout, encoding=encoding, errors=errors)
        if 'stderr' in parent:
            self.stderr = io.open(parent['stderr'], 'rb', bufsize)
            if self.text_mode:
                self.stderr = io.TextIOWrapper(self.stderr, encoding=encoding, errors=errors)

    def __repr__(self):
        return '<%s: returncode: %s args: %r>' % (type(self).__name__, self.returncode, self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for f in (self.stdout, self.stderr):
            if f is not None:
                f.close()
        try:
            if self.stdin is not None:
                self.stdin.close()
        finally:
            self.wait()

    def _release(self, f):
        """The raw fd under file object f, which no longer owns it (-1 for no file)."""
        if f is None or f.closed:
            return -1
        try:
            f.flush()
        except (OSError, ValueError):
            pass
        fd = f.fileno()
        raw = f
        while hasattr(raw, 'buffer') or hasattr(raw, 'raw'):
            raw = raw.buffer if hasattr(raw, 'buffer') else raw.raw
        raw._closefd = False
        raw.close()
        return fd

    def communicate(self, input=None, timeout=None):
        if self.stdin is not None and input is not None and self.text_mode:
            input = input.encode(self.encoding or 'utf-8', self.errors or 'strict')
        if input is not None and self.stdin is None:
            raise ValueError('Cannot send input after starting communication')
        in_fd = self._release(self.stdin)
        out_fd = self._release(self.stdout)
        err_fd = self._release(self.stderr)
        out, err = _os.communicate(in_fd, input, out_fd, err_fd)
        self.wait()
        if self.text_mode:
            if out is not None:
                out = _decode(out, self.encoding, self.errors)
            if err is not None:
                err = _decode(err, self.encoding, self.errors)
        return out, err

    def _handle_status(self, status):
        self.returncode = os.waitstatus_to_exitcode(status)

    def poll(self):
        if self.returncode is None:
            pid, status = _os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self._handle_status(status)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            pid, status = _os.waitpid(self.pid, 0)
            self._handle_status(status)
            return self.returncode
        deadline = _time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            remaining = deadline - _time.monotonic()
            if remaining <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, remaining, 0.05)
            _time.sleep(delay)
        return self.returncode

    def send_signal(self, sig):
        self.poll()
        if self.returncode is None:
            os.kill(self.pid, sig)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        if timeout is not None and input is None and process.stdout is None \
                and process.stderr is None:
            try:
                process.wait(timeout)
            except TimeoutExpired:
                process.kill()
                process.wait()
                raise
            stdout = stderr = None
        else:
            stdout, stderr = process.communicate(input)
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get('args')
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError('%s argument not allowed, it will be overridden.' % kw)
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd):
    return getstatusoutput(cmd)[1]


def list2cmdline(seq):
    out = []
    for arg in seq:
        if not arg or any(c in arg for c in ' \t"'):
            out.append('"' + arg.replace('"', '\\"') + '"')
        else:
            out.append(arg)
    return ' '.join(out)
