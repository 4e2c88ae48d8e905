# An uncaught AttributeError on an instance.
class Account:
    def __init__(self):
        self.balance = 0

acct = Account()
print(acct.balance)
print(acct.qqq_nonexistent_field)
