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
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1).hex())
print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 2, dklen=30).hex())
print(hashlib.pbkdf2_hmac('sha512', b'k' * 200, b'NaCl', 3).hex())
class R:
    def __init__(self):
        self.parts = [b'abc' * 50, b'def']
    def readable(self):
        return True
    def readinto(self, buf):
        if not self.parts:
            return 0
        p = self.parts.pop(0)
        buf[:len(p)] = p
        return len(p)
print(hashlib.file_digest(R(), 'md5').hexdigest(), hashlib.file_digest(R(), hashlib.sha1).hexdigest())
for bad in [lambda: hashlib.pbkdf2_hmac('sha256', b'p', b's', 0), lambda: hashlib.pbkdf2_hmac('sha256', b'p', b's', 1, 0)]:
    try: bad()
    except ValueError as e: print('ValueError', e)
