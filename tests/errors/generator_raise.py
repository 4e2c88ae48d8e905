# An uncaught exception raised inside a generator, consumed by a for loop in a function.
def numbers():
    yield 1
    yield 2
    raise ValueError("generator broke")

def consume():
    for n in numbers():
        print("got", n)

consume()
