# int / int with operands beyond 2**53 (still small ints) is correctly rounded, not float(x)/float(y).
print(18014398509481984 / 11008799089127879)
print((2**62 - 1) / 3, (2**53 + 1) / 1, -(2**60 + 3) / 7, 9007199254740993 / 9007199254740993)
print(4611686018427387903 / 4611686018427387901)
