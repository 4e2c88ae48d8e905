# char16_t/char32_t and lone surrogates: CFFI keeps an unpaired surrogate as one character.
from cffi import FFI
ffi = FFI()
a = ffi.new("char16_t[]", '\ud800x\U0001f600')
print(len(a), [hex(a[i] if isinstance(a[i], int) else ord(a[i])) for i in range(len(a))])
print(ascii(ffi.string(a)))
b = ffi.new("char16_t[]", 3)
b[0] = '\udc00'
b[1] = 'y'
print(ascii(ffi.string(b)), ascii(b[0]))
w = ffi.new("char32_t[]", '\udfff!')
print(ascii(ffi.string(w)), len(w))
print(ascii(ffi.cast("char16_t", 0xd801)), ascii(ffi.cast("char32_t", 0xdc02)))
