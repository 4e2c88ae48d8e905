# An uncaught NameError inside a function.
def compute():
    value = 10
    return value + undefined_variable_xyz

print("before")
compute()
