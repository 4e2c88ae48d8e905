# memoryview natives that run Python: storing into a '?' view calls __bool__, an index key calls
# __index__; the hooks allocate (moving the view and its bytearray) and write through the view.
from _evil import churn, case, I

ba = bytearray(4)
m = memoryview(ba).cast('?')


class B:
    def __bool__(self):
        churn()
        m[3] = True
        return True


def store_bool():
    m[0] = B()
    return bytes(ba)


case("bool store", store_bool)
mi = memoryview(bytearray(8)).cast('h')


def side():
    mi[0] = -1


def store_index():
    mi[I(2, side)] = 7
    return mi.tolist()


case("index store", store_index)
case("index load", lambda: mi[I(-1, side)])
case("cast of moved view", lambda: (churn(), memoryview(bytes(range(4))).cast('I').hex())[1])
