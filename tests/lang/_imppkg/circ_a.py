from _imppkg.circ_b import B
A = 1
