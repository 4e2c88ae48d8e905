import hashlib
for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    h = hashlib.new(n, b'abc')
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest())
    c = h.copy(); c.update(b'def' * 100)
    print(c.hexdigest(), h.hexdigest() == hashlib.new(n, b'abc').hexdigest())
print(hashlib.sha256(b'').hexdigest())
print(hashlib.md5(bytearray(b'x')).digest())
h = hashlib.sha1(); h.update(memoryview(b'abc')); print(h.hexdigest())
for bad in ['s', 3]:
    try: hashlib.sha256(bad)
    except TypeError as e: print('TypeError', e)
try: hashlib.new('nope')
except ValueError as e: print('ValueError', e)
big = hashlib.sha512()
for i in range(100): big.update(str(i).encode())
print(big.hexdigest())
