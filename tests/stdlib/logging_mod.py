import logging, sys

class ListStream:
    def __init__(self): self.lines = []
    def write(self, s): self.lines.append(s)
    def flush(self): pass

logging.warning("before config goes to lastResort? no: basicConfig on stderr")
out = ListStream()
sys.stderr = sys.stdout
logging.getLogger("lr").warning("via root handler %d", 5)
log = logging.getLogger("app")
child = logging.getLogger("app.db")
print(child.parent is log, log.parent is logging.getLogger(), logging.getLogger("app") is log)
print(log.getEffectiveLevel(), logging.getLevelName(logging.INFO), logging.getLevelName("ERROR"), logging.getLevelName(5))
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(funcName)s|%(lineno)d|%(message)s"))
log.addHandler(h)
log.setLevel(logging.DEBUG)
def work():
    child.debug("debug %s", "x")
work()
child.info("info %(k)s", {"k": "v"})
log.propagate = False
child.error("error only to app")
log.propagate = True
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter("{levelname}:{message}", style="{"))
h2.setLevel(logging.ERROR)
child.addHandler(h2)
child.warning("warn: app + root")
child.critical("crit: all three")
child.removeHandler(h2)
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.msg % record.args if False else int(record.args[0]) % 2 == 1
child.addFilter(OnlyOdd())
for i in range(4):
    child.info("n=%d", i)
print(log.isEnabledFor(logging.DEBUG), child.hasHandlers(), repr(log), repr(logging.getLogger()))
logging.disable(logging.INFO)
child.info("disabled")
logging.disable(logging.NOTSET)
try:
    log.setLevel("BOGUS")
except ValueError as e:
    print(e)
lst = ListStream()
rec_h = logging.StreamHandler(lst)
root = logging.getLogger()
root.handlers[:] = []
logging.basicConfig(stream=lst, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
logging.info("root info %s", 1)
logging.getLogger("x.y").debug("hidden")
print(lst.lines)
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, force=True)
logging.getLogger("forced").debug("now visible")
try:
    1 / 0
except ZeroDivisionError:
    class Grab(logging.Handler):
        def emit(self, record):
            print("grabbed", record.levelname, record.getMessage(), record.exc_info[0].__name__)
    g = logging.getLogger("exc")
    g.propagate = False
    g.addHandler(Grab())
    g.exception("failed")
