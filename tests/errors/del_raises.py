# err-tail: 4
# An exception in __del__ is reported ("Exception ignored in: ...") and does not propagate.
import gc


class E:
    def __del__(self):
        raise ValueError("boom")


e = E()
del e
gc.collect()
print("still running")
