from . import sub_a
from .sub_a import who
from .inner import deep
from .inner.deep import DEEP as D2
import _imppkg.sub_a as sa
B_VALUE = sub_a.A_VALUE + 1
print("init sub_b:", __name__, __package__, who(), deep.DEEP, D2, sa is sub_a)
