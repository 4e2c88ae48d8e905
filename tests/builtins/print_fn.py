# print with sep, end, file and flush.
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="-")
print("a", "b", sep="")
print("no newline", end="")
print(" <- continued", end="!\n")
print(1, 2.5, None, True, [1], (2,), {"k": 3}, sep=" | ")
print("x", end="")
print()
print(*range(5), sep=", ", end=".\n")
print("flush", flush=True)
print("to stdout", file=sys.stdout)
print("sep None", "end None", sep=None, end=None)
print("", "", sep="|")
print("multi\nline")
print("tab\tseparated", 'quote"s', "back\\slash")
print(str("str"), repr("repr"))
class P:
    def __str__(self):
        return "P.__str__"
    def __repr__(self):
        return "P.__repr__"
print(P(), [P()], (P(),), {"k": P()})
