# -*- coding: latin-1 -*-
# PEP 263: the bytes of this file are latin-1 (the strings hold \xe9 and \xff as single bytes).
import _latin1_mod
s = "café ÿ"
print(ascii(s), len(s), s.encode("utf-8"))
print(ascii(_latin1_mod.TEXT), ascii(_latin1_mod.naïve))
