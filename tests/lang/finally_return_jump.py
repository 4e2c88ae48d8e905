# A return whose pending value is cancelled by a break/continue/return in a finally body that the
# return runs inline: the stack must stay balanced (the return value is dropped).
def cont(n):
    out = []
    for i in range(n):
        try:
            return "never"
        finally:
            out.append(i)
            continue
    return out

def brk():
    while True:
        try:
            return 1
        finally:
            break
    return "after break"

def nested(x):
    for i in range(x):
        try:
            pass
        finally:
            try:
                try:
                    print(x, i)
                finally:
                    try:
                        1 / 0
                    finally:
                        return 42
            finally:
                print("continue")
                continue
    return "done"

def override():
    try:
        return "first"
    finally:
        return "second"

def in_with():
    class M:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            print("exit", a)
    for i in range(2):
        with M():
            try:
                return i
            finally:
                if i == 0:
                    continue
    return "end"

print(cont(3), brk(), nested(2), override(), in_with())
