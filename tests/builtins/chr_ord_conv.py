# chr, ord, hex, bin, oct.
print(chr(65), chr(97), chr(48), chr(0x263A), chr(955), ord("A"), ord("z"), ord("é"), ord("€"), ord("\n"))
print([ord(c) for c in "Hi!"], "".join(chr(c) for c in [80, 121]), chr(ord("a") + 1))
print(hex(255), hex(-255), hex(0), hex(2 ** 64), bin(5), bin(-5), bin(0), oct(8), oct(-8), oct(0))
print(int(hex(12345), 16), int(bin(99), 2), int(oct(77), 8), int("0x1f", 0), int("0b101", 0))
for bad in (lambda: chr(-1), lambda: ord("ab"), lambda: hex(1.5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
