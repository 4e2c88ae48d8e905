from . import missing_attr
