# raise SystemExit(7) from nested calls: status 7; except Exception does not catch it.
def inner():
    raise SystemExit(7)
def outer():
    try:
        inner()
    except Exception:
        print("not caught here")
print("start")
outer()
