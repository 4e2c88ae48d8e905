# Exceptions and with: try/except/else/finally, named handlers, bare except, raise from, re-raise,
# assert, with statements (one and two managers), and break/continue/return crossing blocks.
class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


def risky(n):
    try:
        if n < 0:
            raise ValueError("negative") from None
        assert n != 3, "three"
        return 10 // n
    except (ZeroDivisionError, AssertionError) as e:
        return str(e)
    except ValueError:
        raise
    else:
        print("unreachable")
    finally:
        print("done", n)


def loop():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
        finally:
            print("cleanup", i)
    with Manager() as m, Manager():
        raise KeyError(m)
    while True:
        try:
            return "out"
        except:
            pass


print(risky(2), risky(0), risky(3), loop())
