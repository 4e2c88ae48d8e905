import _helper
VALUE = _helper.CONSTANT + 1
def twice(x):
    return _helper.greet(x) + " / " + _helper.greet(x)
