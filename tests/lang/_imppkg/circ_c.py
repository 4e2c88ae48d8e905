import _imppkg.circ_d
C = 1
def f():
    return _imppkg.circ_d.D
