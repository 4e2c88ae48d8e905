"""binascii: hex, base64 and CRC conversions between binary data and ASCII, in pure Python.

The a2b_* functions take bytes-like data or an ASCII-only str; the b2a_* functions bytes-like data
only. a2b_base64 follows CPython's lenient decoder (invalid characters skipped, decoding stops at
complete padding) unless strict_mode is set.
"""

__all__ = ['Error', 'Incomplete', 'hexlify', 'unhexlify', 'b2a_hex', 'a2b_hex', 'b2a_base64',
           'a2b_base64', 'b2a_uu', 'a2b_uu', 'crc32', 'crc_hqx']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def _b2a_data(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _a2b_data(data):
    if isinstance(data, str):
        if not data.isascii():
            raise ValueError('string argument should contain only ASCII characters')
        return data.encode('ascii')
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'"
                    % type(data).__name__)


# ---- hex ----

def hexlify(data, sep=None, bytes_per_sep=1):
    data = _b2a_data(data)
    if sep is None:
        return bytes(data).hex().encode('ascii')
    return bytes(data).hex(sep, bytes_per_sep).encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr):
    s = _a2b_data(hexstr)
    if len(s) % 2:
        raise Error('Odd-length string')
    out = bytearray(len(s) // 2)
    for i in range(0, len(s), 2):
        hi = _HEXVAL.get(s[i], -1)
        lo = _HEXVAL.get(s[i + 1], -1)
        if hi < 0 or lo < 0:
            raise Error('Non-hexadecimal digit found')
        out[i // 2] = (hi << 4) | lo
    return bytes(out)


a2b_hex = unhexlify
_HEXVAL = {}
for _i, _c in enumerate(b'0123456789abcdef'):
    _HEXVAL[_c] = _i
for _i, _c in enumerate(b'ABCDEF'):
    _HEXVAL[_c] = _i + 10


# ---- base64 ----

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64VAL = {c: i for i, c in enumerate(_B64)}
_PAD = 61  # '='


def b2a_base64(data, *, newline=True):
    data = _b2a_data(data)
    out = bytearray()
    n = len(data)
    full = n - n % 3
    for i in range(0, full, 3):
        w = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[w >> 18], _B64[(w >> 12) & 63], _B64[(w >> 6) & 63], _B64[w & 63]))
    rest = n - full
    if rest == 1:
        w = data[full] << 16
        out += bytes((_B64[w >> 18], _B64[(w >> 12) & 63], _PAD, _PAD))
    elif rest == 2:
        w = (data[full] << 16) | (data[full + 1] << 8)
        out += bytes((_B64[w >> 18], _B64[(w >> 12) & 63], _B64[(w >> 6) & 63], _PAD))
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    s = _a2b_data(data)
    out = bytearray()
    quad = 0
    left = 0
    pads = 0
    padding_started = False
    n = len(s)
    if strict_mode and n and s[0] == _PAD:
        raise Error('Leading padding not allowed')
    for i in range(n):
        c = s[i]
        if c == _PAD:
            padding_started = True
            if quad >= 2:
                pads += 1
                if quad + pads >= 4:
                    if strict_mode and i + 1 < n:
                        raise Error('Excess data after padding')
                    return bytes(out)
            continue
        v = _B64VAL.get(c)
        if v is None:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad == 0:
            left = v
            quad = 1
        elif quad == 1:
            out.append(((left << 2) | (v >> 4)) & 0xff)
            left = v & 0x0f
            quad = 2
        elif quad == 2:
            out.append(((left << 4) | (v >> 2)) & 0xff)
            left = v & 0x03
            quad = 3
        else:
            out.append(((left << 6) | v) & 0xff)
            quad = 0
    if quad == 1:
        raise Error('Invalid base64-encoded string: number of data characters (%d) cannot be 1 '
                    'more than a multiple of 4' % (len(out) // 3 * 4 + 1))
    if quad:
        raise Error('Incorrect padding')
    return bytes(out)


# ---- uuencode (one line) ----

def b2a_uu(data, *, backtick=False):
    data = _b2a_data(data)
    n = len(data)
    if n > 45:
        raise Error('At most 45 bytes at once')
    out = bytearray([96 if backtick and not n else 32 + n])
    padded = bytes(data) + b'\0' * (-n % 3)
    for i in range(0, len(padded), 3):
        w = (padded[i] << 16) | (padded[i + 1] << 8) | padded[i + 2]
        for shift in (18, 12, 6, 0):
            v = (w >> shift) & 63
            out.append(96 if backtick and not v else 32 + v)
    out.append(10)
    return bytes(out)


def a2b_uu(data):
    s = _a2b_data(data)
    n = len(s)
    # An empty line reads a NUL length byte, as the C code does: 32 zero bytes.
    size = ((s[0] if n else 0) - 32) & 63
    out = bytearray()
    left = 0
    bits = 0
    i = 1
    while len(out) < size:
        c = s[i] if i < n else 0
        if c in (10, 13) or i >= n:
            v = 0
        else:
            if c < 32 or c > 96:
                raise Error('Illegal char')
            v = (c - 32) & 63
        left = (left << 6) | v
        bits += 6
        if bits >= 8:
            bits -= 8
            out.append((left >> bits) & 0xff)
            left &= (1 << bits) - 1
        i += 1
    while i < n:
        if s[i] not in (32, 96, 10, 13):
            raise Error('Trailing garbage')
        i += 1
    return bytes(out)


# ---- CRCs ----

def _crc32_table():
    t = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        t.append(c)
    return t


_CRC32 = _crc32_table()


def crc32(data, value=0):
    data = _b2a_data(data)
    crc = ~value & 0xFFFFFFFF
    t = _CRC32
    for b in data:
        crc = t[(crc ^ b) & 0xff] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF


def crc_hqx(data, value):
    data = _b2a_data(data)
    crc = value & 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
