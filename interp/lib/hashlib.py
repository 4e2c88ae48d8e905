"""hashlib: md5, sha1, sha224, sha256, sha384, sha512 over the native _hashlib, plus
pbkdf2_hmac and file_digest.

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


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """PBKDF2 (RFC 8018) with HMAC over the named hash."""
    if not isinstance(hash_name, str):
        raise TypeError(hash_name)
    password = bytes(_as_bytes(password))
    salt = bytes(_as_bytes(salt))
    if iterations < 1:
        raise ValueError('iteration value must be greater than 0.')
    inner = new(hash_name)
    outer = new(hash_name)
    blocksize = inner.block_size
    if len(password) > blocksize:
        password = new(hash_name, password).digest()
    password = password + b'\x00' * (blocksize - len(password))
    inner.update(password.translate(_TRANS_36))
    outer.update(password.translate(_TRANS_5C))

    def prf(msg):
        icpy = inner.copy()
        ocpy = outer.copy()
        icpy.update(msg)
        ocpy.update(icpy.digest())
        return ocpy.digest()

    if dklen is None:
        dklen = outer.digest_size
    if dklen < 1:
        raise ValueError('key length must be greater than 0.')
    dkey = b''
    loop = 1
    while len(dkey) < dklen:
        prev = prf(salt + loop.to_bytes(4, 'big'))
        rkey = int.from_bytes(prev, 'big')
        for _ in range(iterations - 1):
            prev = prf(prev)
            rkey ^= int.from_bytes(prev, 'big')
        loop += 1
        dkey += rkey.to_bytes(inner.digest_size, 'big')
    return dkey[:dklen]


_TRANS_5C = bytes((x ^ 0x5C) for x in range(256))
_TRANS_36 = bytes((x ^ 0x36) for x in range(256))


def file_digest(fileobj, digest, /, *, _bufsize=2 ** 18):
    """The hash of a binary file object's remaining contents."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if hasattr(fileobj, 'getbuffer'):
        digestobj.update(fileobj.getbuffer())
        return digestobj
    if not (hasattr(fileobj, 'readinto') and hasattr(fileobj, 'readable')
            and fileobj.readable()):
        raise ValueError("'%r' is not a file-like object in binary reading mode." % (fileobj,))
    buf = bytearray(_bufsize)
    while True:
        size = fileobj.readinto(buf)
        if size == 0:
            break
        digestobj.update(bytes(buf[:size]))
    return digestobj
