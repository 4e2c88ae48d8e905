# except* whose handler raises: the uncaught combined group, each part's context in its box.
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except* ValueError:
    raise RuntimeError("handler failed")
