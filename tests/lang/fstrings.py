# f-strings with conversions and format specs.
x = 42
name = "Ada"
pi = 3.14159265
big = 1234567.891
print(f"{x}")
print(f"{x:>10}|{x:<10}|{x:^10}|")
print(f"{pi:.3f} {pi:10.2f} {pi:<10.1f}| {-pi:.0f}")
print(f"{name!r} {name!s} {name!a}")
print(f"{big:,} {1234567:,} {big:,.2f} {1234567:_}")
print(f"{pi:08.2f} {-pi:08.2f} {x:08d} {x:+d} {-x:+d} {x: d}")
print(f"{x:x} {x:X} {x:o} {x:b} {x:#x} {x:#b} {255:02x} {10:#06x}")
print(f"{name:*^11} {name:->8} {name:.2}")
print(f"{x * 2 + 1} {name.upper()} {[i for i in range(3)]} {len(name)}")
print(f"{'nested'} {x!r:>5} {3.0} {1e20} {0.1 + 0.2}")
width, prec = 12, 4
print(f"{pi:{width}.{prec}f}|")
print(f"{{braces}} {x}{{}}")
print(f"{x=} {name=}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(f"{12.5:%} {0.25:.1%} {1e-5:e} {12345.6789:.3e} {1e-5:g} {123456789.0:g}")
print(f"{True} {None} {True:d} {3:5} {'s':5}|")
print(f"{-0.0} {1/3:.10f} {2.5:.0f} {3.5:.0f} {1.005:.2f}")
print(f"{x:>{width}}|{x:<{width}}|")
print(f"""multi
{x}line""")
print(f"{'a' if x > 40 else 'b'}", f"{(lambda: 7)()}")
