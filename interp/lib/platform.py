"""platform: facts about the machine and the interpreter (uname fields, Python version and
implementation), from os.uname and sys."""

import os
import sys


class uname_result:
    _fields = ('system', 'node', 'release', 'version', 'machine', 'processor')

    def __init__(self, system, node, release, version, machine, processor=''):
        self.system = system
        self.node = node
        self.release = release
        self.version = version
        self.machine = machine
        self.processor = processor
        self._t = (system, node, release, version, machine, processor)

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 6

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        return self._t == tuple(other)

    def __repr__(self):
        return 'uname_result(' + ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._fields, self._t)) + ')'


_uname_cache = None


def uname():
    global _uname_cache
    if _uname_cache is None:
        u = os.uname()
        _uname_cache = uname_result(u.sysname, u.nodename, u.release, u.version, u.machine,
                                    u.machine)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def python_implementation():
    return 'minipy'


def python_version_tuple():
    v = sys.version_info
    return (str(v[0]), str(v[1]), str(v[2]))


def python_version():
    return '.'.join(python_version_tuple())


def python_build():
    return ('main', '')


def python_compiler():
    return 'rustc'


def python_branch():
    return ''


def python_revision():
    return ''


def architecture(executable=sys.executable, bits='', linkage=''):
    return (str(8 * 8) + 'bit' if sys.maxsize > 2 ** 32 else '32bit', 'ELF')


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    return ('glibc', '')


def platform(aliased=False, terse=False):
    u = uname()
    if terse:
        return '%s-%s' % (u.system, u.release)
    return '%s-%s-%s-with-glibc' % (u.system, u.release, u.machine)


def freedesktop_os_release():
    info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
    for candidate in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(candidate, encoding='utf-8') as f:
                for line in f:
                    line = line.strip()
                    if '=' in line and not line.startswith('#'):
                        k, v = line.split('=', 1)
                        info[k] = v.strip('"\'')
            return info
        except OSError:
            pass
    raise OSError(2, 'No such file or directory', '/etc/os-release')
