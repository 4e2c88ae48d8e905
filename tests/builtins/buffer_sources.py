# eval/exec/int accept any bytes-like source, memoryview included; memoryview.hex takes sep.
print(eval(b"1 + 2"), eval(bytearray(b"2 * 3")), eval(memoryview(b"10 - 3")))
exec(memoryview(b"print('exec mv')"))
exec(bytearray(b"print('exec ba')"))
print(eval(memoryview(b"xx 5 + 5")[3:]))
print(int(memoryview(b"123")), int(memoryview(b" 42 ")), int(memoryview(b"12345")[1:3]))
try:
    int(memoryview(b"12a"))
except ValueError as e:
    print(e)
m = memoryview(b"\x00\x01\x02\x03\x04\x05")
print(m.hex(), m.hex(":"), m.hex(":", 2), m.hex("-", -4), m.hex(b"|", 3))
print(m[1:4].hex(" "), memoryview(b"").hex(":"))
try:
    m.hex("ab")
except ValueError as e:
    print(e)
try:
    eval(memoryview(b"1 +"))
except SyntaxError as e:
    print("SyntaxError")
