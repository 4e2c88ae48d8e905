# try/except* with a named and an unnamed clause, else and finally.
def handle(f):
    try:
        f()
    except* ValueError as e:
        print(e)
    except* (TypeError, KeyError):
        pass
    else:
        print("ok")
    finally:
        print("done")
