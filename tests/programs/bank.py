# A bank-account class hierarchy with custom exceptions, properties, class methods and a ledger.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner}: cannot withdraw {amount}, balance {account.balance}")
        self.amount = amount

class Account:
    _next_number = 1000
    interest_rate = 0.0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.history = [("open", balance)]

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def available(self):
        return self._balance

    def month_end(self):
        interest = round(self._balance * self.interest_rate, 2)
        if interest:
            self._balance = round(self._balance + interest, 2)
            self.history.append(("interest", interest))

    @classmethod
    def kind(cls):
        return cls.__name__.lower()

    def __repr__(self):
        return f"<{self.kind()} #{self.number} {self.owner}: {self._balance:.2f}>"

class Savings(Account):
    interest_rate = 0.02

class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def available(self):
        return self._balance + self.overdraft

class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, cls, owner, *args, **kwargs):
        acct = cls(owner, *args, **kwargs)
        self.accounts[acct.number] = acct
        return acct

    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except InsufficientFunds as e:
            print("  transfer failed:", e)
            return False
        dst.deposit(amount)
        return True

    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
alice = bank.open(Savings, "alice", 1000)
bob = bank.open(Checking, "bob", 50, overdraft=200)
carol = bank.open(Account, "carol")
print(alice, bob, carol)
print(bank.transfer(alice, bob, 300), bank.transfer(bob, carol, 500), bank.transfer(bob, carol, 400))
try:
    carol.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
for month in range(3):
    for a in bank.accounts.values():
        a.month_end()
print(alice, bob, carol)
print(round(bank.total(), 2), [a.kind() for a in bank.accounts.values()])
print(alice.history)
print(sorted(bank.accounts.values(), key=lambda a: a.balance))
try:
    alice.balance = 5
except AttributeError:
    print("balance is read-only")
