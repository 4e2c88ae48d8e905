# Uncaught exceptions without a message and a custom exception class.
class ConfigurationProblem(Exception):
    pass

def check(flag):
    if flag:
        raise ConfigurationProblem("bad flag", 3)
    raise ValueError

try:
    check(False)
except ValueError as e:
    print("caught", repr(e))
check(True)
