# An inventory system: dataclass-like records, grouping, generators, sorting, report formatting.
class Item:
    __slots_doc__ = "name category price qty"
    def __init__(self, name, category, price, qty):
        self.name, self.category, self.price, self.qty = name, category, price, qty
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return f"Item({self.name!r}, {self.category!r}, {self.price}, {self.qty})"
    def __eq__(self, o):
        return isinstance(o, Item) and (self.name, self.category) == (o.name, o.category)
    def __hash__(self):
        return hash((self.name, self.category))

RAW = """apple,fruit,0.5,120
banana,fruit,0.25,200
carrot,vegetable,0.3,80
hammer,tools,12.99,5
nails,tools,0.02,5000
pear,fruit,0.6,0
saw,tools,24.5,2
leek,vegetable,1.1,15"""

def parse(text):
    for line in text.splitlines():
        name, cat, price, qty = line.split(",")
        yield Item(name, cat, float(price), int(qty))

items = list(parse(RAW))
groups = {}
for it in items:
    groups.setdefault(it.category, []).append(it)
print(f"{'category':<10}{'items':>6}{'units':>8}{'value':>10}")
for cat in sorted(groups):
    g = groups[cat]
    print(f"{cat:<10}{len(g):>6}{sum(i.qty for i in g):>8}{sum(i.value for i in g):>10.2f}")
print("out of stock:", [i.name for i in items if not i.qty])
print("top value:", [(i.name, round(i.value, 2)) for i in sorted(items, key=lambda i: i.value, reverse=True)[:3]])
print("cheapest per category:", {c: min(g, key=lambda i: i.price).name for c, g in sorted(groups.items())})
restock = {i for i in items if i.qty < 20}
print(sorted(i.name for i in restock), Item("saw", "tools", 0, 0) in restock)
def running_totals(items):
    total = 0
    for i in items:
        total += i.value
        yield i.name, round(total, 2)
print(list(running_totals(items))[-2:])
print(items[3])
