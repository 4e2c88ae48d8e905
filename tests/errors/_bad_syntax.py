# Helper with a syntax error on line 3 (imported by syntax_error_import.py).
good = 1
def broken(:
    pass
