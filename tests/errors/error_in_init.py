# An uncaught exception raised in __init__ called from a class method.
class Item:
    def __init__(self, price):
        if price < 0:
            raise ValueError(f"negative price: {price}")
        self.price = price

    @classmethod
    def many(cls, prices):
        items = []
        for p in prices:
            items.append(cls(p))
        return items

print(len(Item.many([1, 2])))
Item.many([3, -4, 5])
