import _imppkg.circ_c as c
from . import circ_c
D = 2
print("circ_d sees partial circ_c:", hasattr(c, "C"), c is circ_c)
