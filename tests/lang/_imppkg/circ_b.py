from _imppkg.circ_a import A
B = 2
