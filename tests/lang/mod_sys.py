# The sys module: argv, path, getrecursionlimit/setrecursionlimit, modules, exit via SystemExit.
import sys
print(sys.argv, type(sys.argv).__name__, len(sys.argv))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
limit = sys.getrecursionlimit()
print(type(limit).__name__, limit >= 100)
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(limit)
print(sys.getrecursionlimit() == limit)
try:
    sys.exit(5)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", e.code)
try:
    raise SystemExit(2)
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
print(type(sys.maxsize).__name__, sys.maxsize >= 2 ** 31 - 1)
sys.stdout.write("written to sys.stdout\n")
print("to stdout via file=", file=sys.stdout)
print("end of mod_sys")
