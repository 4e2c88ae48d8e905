import binascii, base64

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

samples = [b'', b'a', b'ab', b'abc', b'abcd', b'abcde', b'\x00\xff\x10' * 7, bytes(range(256))]
for s in samples:
    print(binascii.hexlify(s)[:40], binascii.crc32(s), binascii.crc_hqx(s, 0), binascii.b2a_base64(s)[:50])
    for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                     (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode),
                     (base64.b16encode, base64.b16decode), (base64.b85encode, base64.b85decode),
                     (base64.a85encode, base64.a85decode)]:
        e = enc(s)
        print(' ', enc.__name__, e[:60], dec(e) == s)
print(base64.b85encode(b'abcde', pad=True), base64.a85encode(b'\0\0\0\0    x', foldspaces=True),
      base64.a85encode(b'hello world, long enough to wrap', wrapcol=10, adobe=True), base64.a85encode(b'\0'),
      base64.a85decode(b'<~BOu!rDZ~>', adobe=True), base64.a85decode(b'y z', foldspaces=True))
print(binascii.crc32(b'hello', 12345), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc_hqx(b'abc', 0xffff))
print(binascii.hexlify(b'abcdef', '-'), binascii.hexlify(b'abcdef', b':', 2), binascii.hexlify(b'abcde', ':', -2),
      binascii.b2a_hex(b'\x00\xff'), binascii.unhexlify('4142'), binascii.a2b_hex(b'ff00'))
print(binascii.a2b_base64(b'YW Jj\nZA=='), binascii.a2b_base64(b'YWJjZA==x'), binascii.a2b_base64(b'YQ=x='),
      binascii.a2b_base64('YWJj'), binascii.b2a_base64(b'x', newline=False))
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'-_8=', altchars=b'-_'),
      base64.b64decode('YWJj'), base64.urlsafe_b64decode('-_8='), base64.standard_b64encode(b'xy'))
print(base64.b32decode('mfrgg===', casefold=True), base64.b32decode('ME1GG===', map01='L'), base64.b16decode('ff', casefold=True))
print(base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\neA==\n'))
for f, a in [(binascii.unhexlify, 'abc'), (binascii.unhexlify, 'zz'), (binascii.unhexlify, 'é'),
             (binascii.a2b_base64, 'abcde'), (binascii.a2b_base64, 'ab'), (binascii.a2b_base64, 'a'),
             (binascii.a2b_base64, 'ab=c'), (binascii.hexlify, 'ab'), (binascii.a2b_base64, b'ab$$cd'),
             (binascii.crc32, 'x'), (base64.b64decode, 'ab!c'), (base64.b32decode, 'AB'),
             (base64.b32decode, 'ab======'), (base64.b32decode, 'A======='), (base64.b16decode, 'ab'), (base64.b16decode, 'A'),
             (base64.b85decode, b'|NsC0~'), (base64.b85decode, b'ab"cd'), (base64.a85decode, b'xyz~>'),
             (base64.a85decode, b'abzcd'), (base64.a85decode, b'uuuuu'), (base64.b64encode, 'x'), (base64.b64decode, 5),
             (base64.decodebytes, 'abc'), (base64.a85decode, b'abc', )]:
    show(f, a)
show(base64.a85decode, b'abc', adobe=True)
for s in [b'YW Jj', b'=YWJj', b'YQ==YQ', b'YQ=', b'YQ=a=', b'YWJj=']:
    show(binascii.a2b_base64, s, strict_mode=True)
    show(base64.b64decode, s, validate=True)
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
for s in [b'YWJj=', b'YWJj==', b'YWJj=YQ==', b'YQ===', b'YQ==\n', b'YQ==YQ==', b'YQ=\nx=', b'Y=Q=', b'YWJ=', b'YWJ==', b' =YQ==']:
    show(binascii.a2b_base64, s, strict_mode=True)
for s in [b'', b'a', b'ab', b'abc', b'hello world', bytes(range(45))]:
    e = binascii.b2a_uu(s)
    print(e, binascii.b2a_uu(s, backtick=True), binascii.a2b_uu(e) == s, binascii.a2b_uu(e.rstrip(b'\n')) == s)
print(binascii.a2b_uu(b''), binascii.a2b_uu(b'$86)C\n'), binascii.a2b_uu('!80``  \n'), binascii.a2b_uu(b'%86)C'))
for bad in [lambda: binascii.b2a_uu(bytes(46)), lambda: binascii.a2b_uu(b'!\x0180'), lambda: binascii.a2b_uu(b'!80xyz')]:
    show(bad)
