# bytes/bytearray indexing messages and `in` (ints, __index__ that allocates, bytes-like needles).
class I:
    def __index__(self):
        x = [[0] * 10 for _ in range(500)]
        return 98
for s in ["98 in b'abc'", "300 in b'abc'", "-1 in bytearray(b'a')", "(1,) in bytearray(b'xyz')", "b'bc' in bytearray(b'abc')",
          "bytearray(b'') in b'abc'", "I() in b'abc'", "I() in bytearray(b'xyz')", "'a' in b'abc'", "2**70 in b'a'"]:
    try: print(s, eval(s))
    except Exception as e: print(s, type(e).__name__, e)
for s in ['(b"")[1]', 'bytearray(b"a")[5]', 'b"abc"[1]', 'b"abcdef"[::2]', 'b"ab"[-3]']:
    try: print(eval(s))
    except IndexError as e: print(e)
