# coding=ascii
print("plain ascii with a declaration")
