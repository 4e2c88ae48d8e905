"""hashlib: md5, sha1, sha224, sha256, sha384, sha512 over the native _hashlib.

A hash object wraps an opaque _hashlib state; digest() finalizes a copy, so update() may follow.
"""

import _hashlib

algorithms_guaranteed = frozenset(('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'))
algorithms_available = algorithms_guaranteed

_DIGEST_SIZES = {'md5': 16, 'sha1': 20, 'sha224': 28, 'sha256': 32, 'sha384': 48, 'sha512': 64}


def _as_bytes(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("object supporting the buffer API required")


class _Hash:
    __slots__ = ('_name', '_h')

    def __init__(self, name, state):
        self._name = name
        self._h = state

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _DIGEST_SIZES[self._name]

    @property
    def block_size(self):
        return _hashlib.block_size(self._name)

    def update(self, data):
        _hashlib.update(self._h, _as_bytes(data))

    def digest(self):
        return _hashlib.digest(self._h)

    def hexdigest(self):
        return _hashlib.digest(self._h).hex()

    def copy(self):
        return _Hash(self._name, _hashlib.copy(self._h))

    def __repr__(self):
        return '<%s _hashlib.HASH object>' % self._name


def new(name, data=b'', **kwargs):
    if not isinstance(name, str):
        raise TypeError("new() argument 'name' must be str, not %s" % type(name).__name__)
    lname = name.lower()
    if lname not in _DIGEST_SIZES:
        raise ValueError('unsupported hash type ' + name)
    h = _Hash(lname, _hashlib.new(lname))
    if data:
        h.update(data)
    return h


def _maker(algo):
    def construct(string=b'', *, usedforsecurity=True):
        h = _Hash(algo, _hashlib.new(algo))
        h.update(string)
        return h
    construct.__name__ = 'openssl_' + algo
    return construct


md5 = _maker('md5')
sha1 = _maker('sha1')
sha224 = _maker('sha224')
sha256 = _maker('sha256')
sha384 = _maker('sha384')
sha512 = _maker('sha512')
