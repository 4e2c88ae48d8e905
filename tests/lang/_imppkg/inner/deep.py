from ..sub_a import A_VALUE
from . import __name__ as inner_name
DEEP = A_VALUE * 2
print("init deep:", __name__, __package__, inner_name)
