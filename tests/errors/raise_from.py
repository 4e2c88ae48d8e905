# An uncaught exception raised from another one: both tracebacks, joined by the "direct cause" line.
def read_config(data):
    try:
        return data["port"]
    except KeyError as e:
        raise RuntimeError("config has no port") from e

print("start")
read_config({"host": "x"})
