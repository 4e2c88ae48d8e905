# CPython 3.11 limits int <-> decimal string conversions to 4300 digits (sys.set_int_max_str_digits);
# power-of-two bases are not limited; bad literals are shown cut to 200 characters.
import sys
def t(f):
    try:
        r = f()
        print(r if len(str(r)) < 60 else str(r)[:20] + "...")
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
big = 10 ** 4299
t(lambda: len(str(big)))
t(lambda: str(10 ** 4300))
t(lambda: repr(-10 ** 5000))
t(lambda: "%d" % 10 ** 4300)
t(lambda: f"{10 ** 4300}")
t(lambda: format(10 ** 4300, ","))
t(lambda: hex(10 ** 5000)[:10])
t(lambda: int("1" * 4300) > 0)
t(lambda: int("1" * 4301))
t(lambda: int("1_" * 4400 + "1"))
t(lambda: int("f" * 5000, 16) > 0)
t(lambda: int("1" * 5000, 7))
t(lambda: int("0x" + "f" * 5000, 0) > 0)
t(lambda: int("x" * 5000))
t(lambda: sys.get_int_max_str_digits())
t(lambda: sys.set_int_max_str_digits(100))
t(lambda: sys.set_int_max_str_digits(maxdigits=640))
t(lambda: len(str(10 ** 639)))
t(lambda: str(10 ** 640))
t(lambda: sys.set_int_max_str_digits(0))
t(lambda: len(str(10 ** 10000)))
t(lambda: len(str(int("9" * 20000))))
t(lambda: sys.set_int_max_str_digits())
