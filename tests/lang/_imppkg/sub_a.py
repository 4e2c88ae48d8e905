print("init sub_a:", __name__, __package__, __file__.split("/")[-2:], "__path__" in globals())
A_VALUE = 10
def who():
    return __name__
