# An exception raised while handling another one: "During handling of the above exception ...".
def cleanup():
    raise OSError("cleanup failed")

try:
    1 / 0
except ZeroDivisionError:
    cleanup()
