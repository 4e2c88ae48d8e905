print("hello from minipy")
