# __index__ hooks that allocate (and sometimes mutate the receiver) while a native holds it.
from _evil import churn, case, I

lst = [10, 20, 30]
case("tuple[I]", lambda: tuple(lst)[I(1)])
case("list[I]", lambda: lst[I(1)])
case("list[-I]", lambda: lst[I(-1)])
case("str[I]", lambda: "abc" + "def"[I(2)])
case("str[I] young", lambda: ("x" * 5 + "yz")[I(6)])
case("bytes[I]", lambda: bytes([1, 2, 3])[I(2)])
case("bytearray[I]", lambda: bytearray(b"xyz")[I(0)])
case("range[I]", lambda: range(5, 50, 5)[I(3)])
case("range[-I]", lambda: range(5, 50, 5)[I(-2)])
case("list[I] out of range", lambda: [1, 2][I(5)])
case("tuple[I] out of range", lambda: (1, 2)[I(-3)])

def setitem_list():
    l = [1, 2, 3]
    l[I(1)] = "new" + str(len(l))
    return l
case("list[I] = v", setitem_list)

def setitem_bytearray():
    b = bytearray(b"abc")
    b[I(1)] = I(65)
    return b
case("bytearray[I] = I", setitem_bytearray)

def delitem_list():
    l = [1, 2, 3, 4]
    del l[I(2)]
    return l
case("del list[I]", delitem_list)

def delitem_bytearray():
    b = bytearray(b"abcd")
    del b[I(-1)]
    return b
case("del bytearray[I]", delitem_bytearray)

def clear_then_index():
    l = [1, 2, 3]
    return l[I(1, l.clear)]
case("list cleared by __index__", clear_then_index)

def clear_then_set():
    l = [1, 2, 3]
    l[I(2, l.clear)] = 9
    return l
case("list cleared before setitem", clear_then_set)

def clear_then_del():
    l = [1, 2, 3]
    del l[I(0, l.clear)]
    return l
case("list cleared before delitem", clear_then_del)

def grow_then_index():
    l = [1, 2, 3]
    return l[I(5, lambda: l.extend(range(100)))], len(l)
case("list grown by __index__", grow_then_index)

def insert_i():
    l = ["a", "b", "c"]
    l.insert(I(1), "x")
    return l
case("list.insert(I)", insert_i)

def insert_clear():
    l = ["a", "b", "c"]
    l.insert(I(2, l.clear), "x")
    return l
case("list.insert(I) clearing", insert_clear)

def pop_i():
    l = ["a", "b", "c"]
    return l.pop(I(1)), l
case("list.pop(I)", pop_i)

def pop_clear():
    l = ["a", "b", "c"]
    return l.pop(I(0, l.clear)), l
case("list.pop(I) clearing", pop_clear)

def index_in_dict_values():
    d = {"k": [1, 2, 3]}
    return d["k"][I(2)]
case("nested young list[I]", index_in_dict_values)

case("list.index(x, I, I)", lambda: [5, 6, 7, 5, 6].index(6, I(2), I(5)))
case("tuple.index(x, I)", lambda: (5, 6, 7, 5, 6).index(5, I(1)))
case("str.find(x, I)", lambda: "abcabc".find("b", I(2)))
case("bytes.count(x, I)", lambda: b"aaaa".count(b"a", I(1)))
