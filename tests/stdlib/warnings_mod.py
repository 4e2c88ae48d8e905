import warnings, sys

def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)

def f():
    warnings.warn("plain user warning")

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f()
    old()
    warnings.warn("explicit", RuntimeWarning)
    warnings.warn(UserWarning("instance"))
    print(len(w), [(x.category.__name__, str(x.message), x.lineno) for x in w])
    print(w[0].filename.endswith("wa.py"), isinstance(w[0].message, UserWarning))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f()
    except UserWarning as e:
        print("raised", e)

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="plain")
    f()
    warnings.filterwarnings("error", category=RuntimeWarning)
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning as e:
        print("rt raised", e)

print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "x = 1"), end="")
try:
    warnings.warn("bad", int)
except TypeError as e:
    print(e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print(e)
def to_stdout(message, category, filename, lineno, file=None, line=None):
    print(warnings.formatwarning(message, category, filename.split("/")[-1], lineno, line), end="")
warnings.showwarning = to_stdout
for i in range(3):
    f()          # default action: shown once per location
warnings.warn("to stdout", FutureWarning)
old()            # DeprecationWarning pointing at __main__: shown
def lib():
    warnings.warn("dep in lib", DeprecationWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
    print(len(w))
def show(message, category, filename, lineno, file=None, line=None):
    print("custom:", message, category.__name__, lineno)
warnings.showwarning = show
warnings.warn("via custom")
