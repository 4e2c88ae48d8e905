# An uncaught exception inside a with block: __exit__ sees it and does not suppress it.
class Managed:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit with", exc_type.__name__, exc)
        return False

with Managed():
    print("inside")
    raise KeyError("inside with")
