from .. import sub_a as parent_a
print("init inner:", __name__, __package__, parent_a.A_VALUE)
