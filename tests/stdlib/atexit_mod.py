import atexit, sys
def bye(who, punct="!"):
    print("bye", who + punct)
atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
@atexit.register
def deco():
    print("deco")
def never(): print("never")
atexit.register(never)
atexit.register(never)
atexit.unregister(never)
try:
    atexit.register(5)
except TypeError as e:
    print(e)
print("main done")
sys.exit(3)
