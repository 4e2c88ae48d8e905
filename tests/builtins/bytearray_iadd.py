# bytearray += appends in place (same object), refuses itself as CPython does, and big ints stay right.
b = bytearray(b'ab')
c = b
try:
    b += b
except BufferError as e:
    print('BufferError', e)
b += b'ab'
print(b, c is b)
b += bytearray(b'xy')
print(b)
b += memoryview(b'qq')
print(b)
try:
    b += 'str'
except TypeError as e:
    print(e)
try:
    b += [1]
except TypeError as e:
    print(e)
b *= 2
print(b)
x = 10 ** 200
print(x * x % 97, len(str(x)))
