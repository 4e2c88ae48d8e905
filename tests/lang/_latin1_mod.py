#!/usr/bin/env python3
# vim: set fileencoding=iso-8859-1 :
naïve = "à la"
TEXT = "ÀÉ"
print(ascii(naïve))
