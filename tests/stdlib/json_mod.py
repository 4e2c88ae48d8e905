import json
from json import JSONDecodeError, JSONEncoder, JSONDecoder

data = {'b': [1, 2.5, None, True, False, 'x\n"\\é\u2603\U0001f600\x7f\x01'], 'a': {'nested': [], 'e': {}},
        3: 'int key', 1.5: 'float key', None: 'n', True: 't', 'big': 10**30, 'f': [1e16, 1e-7, 0.1, -0.0, 2**-24]}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent='\t', separators=(',', '='), ensure_ascii=False))
print(json.dumps([[1, [2, []]], {}], indent=0))
print(json.dumps({'b': 1, 'a': [1, {'d': 2, 'c': 3}]}, sort_keys=True, indent=4))
print(json.dumps((1, 2)), json.dumps('é'), json.dumps('é', ensure_ascii=False), json.dumps(None))
print(json.dumps([float('nan'), float('inf'), -float('inf')]))
print(json.dumps({'a': 1}, separators=(',', ':')))
print(json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True))
print(json.dumps({1, 2} if False else [1], default=list))
print(json.dumps({'s': {3, 1, 2}}, default=sorted))
class E(JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps([1j, 2], cls=E), E(indent=1).encode({'x': 2 + 3j}))
print(list(JSONEncoder().iterencode({'a': [1, 2]})))
for bad in [lambda: json.dumps(float('nan'), allow_nan=False), lambda: json.dumps({(1, 2): 3}),
            lambda: json.dumps(object()), lambda: json.loads(3), lambda: json.dumps([1j])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
l = []
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)

for s in ['1', ' -1.5e3 ', '"a\\u00e9\\ud83d\\ude00\\ud800x\\n\\/"', '[1, {"a": [true, false, null]}, "x"]',
          '{"a": 1, "a": 2}', '{}', '[]', '  {"k" : [ 1 , 2 ] }  ', 'NaN', '[-Infinity, Infinity]',
          '12345678901234567890', '1E400', '0.1', '-0', '{"x": {"y": {"z": []}}}']:
    print(repr(json.loads(s)))
for s in ['', ' ', '[1,]', '{"a":1,}', '{1:2}', '{"a" 1}', '[1 2]', '{"a":1 "b":2}', '"abc', '"a\x01"',
          '"\\x"', '"\\u12"', '"\\u12g4"', '[1] x', 'nul', '-', '01', '1.', '1e', '[', '{', '{"a"',
          '{"a":', '"\\', '\ufeff1', 'tru', '[1,2', '  \n  [1,\n  x]', '"\\ud800\\u12"', '[1,,2]', '{"a":}']:
    try:
        print(repr(s), json.loads(s))
    except JSONDecodeError as e:
        print(repr(s), e, '|', e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
print(json.loads('{"a": 1, "b": [1.5]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('[1, 2.5, NaN]', parse_float=lambda t: 'F' + t, parse_int=lambda t: 'I' + t,
                 parse_constant=lambda t: 'C' + t))
print(json.loads(b'{"k": "\xc3\xa9"}'), json.loads('"a\tb"', strict=False), json.loads(bytearray(b'[1]')))
print(JSONDecoder().raw_decode('[1] tail'), JSONDecoder().raw_decode('xx 5', 3))
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
json.dump({'a': [1, 2]}, w, indent=1)
print(''.join(w.parts))
class R:
    def read(self):
        return '{"z": 1}'
print(json.load(R()))
print(json.loads(json.dumps(data)) == json.loads(json.dumps(data, indent=3)))
print(json.loads('["a\x7fb\u2028c", "x\\"y\\\\z", "long plain string with spaces", ""]'))
for s in ['"a\x01', '"abc\\', '"ab\x1fc"']:
    try:
        json.loads(s)
    except JSONDecodeError as e:
        print(e)
print(json.loads('"a\x01\\n\x02"', strict=False) == 'a\x01\n\x02')
