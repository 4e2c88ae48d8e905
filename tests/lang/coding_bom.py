# A UTF-8 BOM starts this file (PEP 263); an utf-8 declaration is allowed with it.
# coding: utf-8
print(ascii("café"))
