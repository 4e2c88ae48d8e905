try:
    count += 1
except NameError:
    count = 1
