# repr/ascii of random str/bytes/bytearray mixing every escape class (control, C1, unprintable, surrogates, quotes).
import random
random.seed(7)
pool = ['\x00', '\x1f', '\x7f', '\x80', '\x9f', '\xa0', '\xad', 'é', '\u2028', '\ud800', '\udfff', '\U0001f600', '\U000e0001', "'", '"', '\\', '\n', '\t', '\r', 'a', ' ', '\uffff', '\u0378']
for i in range(300):
    s = ''.join(random.choice(pool) for _ in range(random.randint(0, 12)))
    print(repr(s), ascii(s))
    b = bytes(random.randrange(256) for _ in range(random.randint(0, 12)))
    print(repr(b), repr(bytearray(b)), ascii(b))
