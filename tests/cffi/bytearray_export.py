# ffi.from_buffer(bytearray) exports the storage: C sees writes both ways, and the bytearray refuses
# to resize while the export lives (as CPython's buffer protocol does); release or death ends it.
import gc
from cffi import FFI

ffi = FFI()
ba = bytearray(b"hello")
p = ffi.from_buffer(ba)
p[0] = b"J"
print(ba, len(p), ffi.string(p, 5))
ba[1] = ord("E")
print(p[1])
for op in ("append", "extend", "clear", "pop", "del", "slice"):
    try:
        if op == "append":
            ba.append(33)
        elif op == "extend":
            ba.extend(b"!!")
        elif op == "clear":
            ba.clear()
        elif op == "pop":
            ba.pop()
        elif op == "del":
            del ba[0]
        else:
            ba[0:1] = b"xyz"
    except BufferError as e:
        print(op, "BufferError:", e)
ba[0:1] = b"Y"          # same size: allowed
print(ba)
ffi.release(p)
ba.append(33)
print(ba)
q = ffi.from_buffer(ba)
del q
gc.collect()
ba.extend(b"?")
print(ba)
with ffi.from_buffer(ba) as r:
    try:
        ba.append(0)
    except BufferError as e:
        print("with:", e)
ba.append(46)
print(ba, len(ba))
