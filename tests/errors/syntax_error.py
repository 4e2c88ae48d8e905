# A syntax error in the script itself: nothing runs, the error names file and line.
print("this line is never executed")
x = 1
y = = 2
print(x)
