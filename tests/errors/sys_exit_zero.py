# sys.exit(0) and sys.exit() from inside functions: status 0, output flushed.
import sys
def finish():
    print("finishing")
    sys.exit(0)
    print("not reached")
for i in range(3):
    print(i)
finish()
