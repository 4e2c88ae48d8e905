print("init _impns.sub.leaf:", __name__, __package__)
from .. import sub as me
LEAF = 5
