print("init _imppkg:", __name__, __package__, __file__.split("/")[-2:], [p.split("/")[-1] for p in __path__])
from . import sub_a
from .sub_a import A_VALUE
VALUE = "pkg"
