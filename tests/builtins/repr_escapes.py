# repr/ascii of str, bytes and bytearray: quote choice and escapes (bytearray escapes every ').
for v in (b'', b"it's", b'a"b\'c\\\n\r\t\x00\x7f\x80\xff', bytearray(b'x\'y'), 'a"b\'c\\',
          "it's\x00\x7f\x85\xe9\u2028\U0001f600", bytearray(b'a"\''), 'x' * 40 + '\n' + 'y' * 40,
          bytearray(b'q' * 50 + b"'")):
    print(repr(v), ascii(v))
