# Lone surrogates (U+D800..U+DFFF) in str: literals, chr/ord, repr/ascii, order, the codecs'
# surrogatepass/surrogateescape handlers, utf-16/32, formatting and str methods.
s = '\ud800'
print(len(s), ascii(s), ord(s[0]), repr(s))
t = chr(0xdc80)
print(len(t), ascii(t), ord(t), t == '\udc80', t < '\ue000', t > '\ud7ff', '\U0010ffff' > t)
p = '\ud83d\ude00'
print(ascii(p), len(p), [hex(ord(c)) for c in p], p == '\U0001f600')
print(ascii('ab' 'c\udcff' "\x41"), ascii(r'\ud800'))
x = 'a\udcffb'
for e in ['surrogateescape', 'surrogatepass', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
    print(e, x.encode('utf-8', e))
try:
    x.encode()
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    '\ud800\udc00z'.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
b = b'ab\xff\xfe\xed\xa0\x80c'
print(ascii(b.decode('utf-8', 'surrogateescape')))
print(b.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape') == b)
print(ascii(b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass')))
try:
    b'\xed\xa0\x80'.decode()
except UnicodeDecodeError as e:
    print(e)
print(ascii('\ud800'.encode('utf-16-le', 'surrogatepass')), '\U0001f600'.encode('utf-16-be'), 'ab'.encode('utf-16'), 'a'.encode('utf-32'))
print(ascii(b'\x00\xd8a\x00'.decode('utf-16-le', 'surrogatepass')), b'\xff\xfea\x00'.decode('utf-16'), b'\x3d\xd8\x00\xde'.decode('utf-16-le'))
try:
    b'\x00\xd8a\x00'.decode('utf-16-le')
except UnicodeDecodeError as e:
    print(e)
print(sorted(['\ue000', '\ud800', 'a', '\ud7ff', '\U00010000']) == ['a', '\ud7ff', '\ud800', '\ue000', '\U00010000'])
print(ascii(str(b'\x80abc', 'ascii', 'surrogateescape')), ascii(bytes('\udc80', 'utf-8', 'surrogateescape')))
print('%c|%s' % (0xd800, 1) == '\ud800|1', ascii('{:c}'.format(0xdfff)), ascii('\ud800'.upper()), '\ud800'.isprintable(), '\ud800'.isalpha())
print(ascii('abc'.translate({98: 0xd800})), ascii('x\ud800y'.split('\ud800')), ascii('\ud800' * 3), '\ud800' in 'a\ud800', 'a\ud800b'.find('b'))
print(ascii(f'{s}!'), ascii('%s' % s), ascii(s.join(['a', 'b'])), hash(s) == hash('\ud800'))
d = {s: 1}
print(d['\ud800'], ascii(list(d)))

# Escapes in all literal forms; a surrogate pair written as two escapes stays two code points.
print(len('\ud83d' '\ude00'), ascii('''\udc00
x'''), ascii(u'\udfff'), ascii('\U0000d800'), ascii('\\ud800'))
# Errors name the failing range as CPython's.
for data, enc in [(b'\xed\xa0\x80abc', 'utf-8'), (b'\x00\xdc', 'utf-16-le'), (b'\x00\xd8', 'utf-16-le'),
                  (b'\x00\xd8\x00\x00', 'utf-32-le'), (b'\x80', 'ascii'), (b'a\xf0\x9f', 'utf-8')]:
    for errors in ['strict', 'replace', 'surrogateescape', 'surrogatepass', 'backslashreplace', 'ignore']:
        try:
            print(enc, errors, ascii(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, 'UnicodeDecodeError:', e)
for text, enc in [('a\ud800\udc00b', 'utf-8'), ('\udc80', 'ascii'), ('\udc80\udcff', 'latin-1'), ('x\ud800', 'utf-16'),
                  ('\ud800', 'utf-32-be'), ('\u20ac\udc81', 'latin-1')]:
    for errors in ['strict', 'surrogateescape', 'surrogatepass', 'xmlcharrefreplace', 'nosuch']:
        try:
            print(enc, errors, text.encode(enc, errors))
        except (UnicodeEncodeError, LookupError) as e:
            print(enc, errors, type(e).__name__ + ':', e)
print(b'abc'.decode('utf-8', 'nosuch'), 'abc'.encode('ascii', 'nosuch'))
