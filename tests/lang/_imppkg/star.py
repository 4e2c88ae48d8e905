__all__ = ["pub", "_priv"]
pub = 1
_priv = 2
other = 3
