# printf-style % formatting.
print("%d items" % 5)
print("%s and %s" % ("a", "b"))
print("%r" % "q", "%r" % 5, "%s" % [1, 2])
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e" % (3.14159, 2.5, -1.25, 12345.678))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%c%c" % (72, "i"))
print("%%d is literal, %d is not" % 7)
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%s" % (("tuple",),))
print("%+d %+d % d" % (5, -5, 5))
print("%10s|%-10s|" % ("right", "left"))
print("%.3s" % "abcdef")
print("%g %g %g" % (0.0001, 1e20, 3.5))
print("%i" % 3.99, "%d" % -0.5, "%s" % None, "%s" % True)
x = 10
s = "value: %d" % x
s += " (%s)" % "ok"
print(s)
