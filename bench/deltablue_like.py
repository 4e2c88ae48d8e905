# deltablue_like.py - a small one-way constraint solver in the style of DeltaBlue:
# polymorphic method calls across a class hierarchy, super() calls, attribute-heavy
# objects, lists of objects walked by a planner (chain and projection tests).
import sys

N = 2000        # chain length / projection size
REPEAT = 30

if len(sys.argv) > 1:
    N = int(sys.argv[1])


class Strength:
    def __init__(self, level, name):
        self.level = level
        self.name = name

    def stronger(self, other):
        return self.level < other.level

    def weaker(self, other):
        return self.level > other.level


REQUIRED = Strength(0, "required")
STRONG = Strength(2, "strong")
NORMAL = Strength(4, "normal")
WEAK = Strength(6, "weak")


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAK
        self.stay = True
        self.mark = 0

    def add(self, c):
        self.constraints.append(c)


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def is_input(self):
        return False

    def satisfied(self):
        raise NotImplementedError

    def execute(self):
        raise NotImplementedError


class UnaryConstraint(Constraint):
    def __init__(self, v, strength):
        super().__init__(strength)
        self.output = v
        self.is_satisfied = False
        v.add(self)

    def satisfied(self):
        return self.is_satisfied

    def choose(self, mark):
        self.is_satisfied = (self.output.mark != mark
                             and self.strength.stronger(self.output.walk_strength))

    def outputs(self):
        return (self.output,)

    def recalculate(self):
        self.output.walk_strength = self.strength
        self.output.stay = not self.is_input()
        if self.output.stay:
            self.execute()


class StayConstraint(UnaryConstraint):
    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, v1, v2, strength):
        super().__init__(strength)
        self.v1 = v1
        self.v2 = v2
        self.forward = None
        v1.add(self)
        v2.add(self)

    def satisfied(self):
        return self.forward is not None

    def choose(self, mark):
        if self.v1.mark == mark:
            self.forward = False if self.v2.mark != mark and self.strength.stronger(self.v2.walk_strength) else None
        elif self.v2.mark == mark:
            self.forward = True if self.strength.stronger(self.v2.walk_strength) else None
        else:
            self.forward = self.v1.walk_strength.weaker(self.v2.walk_strength)

    def inp(self):
        return self.v1 if self.forward else self.v2

    def out(self):
        return self.v2 if self.forward else self.v1

    def outputs(self):
        return (self.out(),)

    def recalculate(self):
        i, o = self.inp(), self.out()
        o.walk_strength = self.strength if self.strength.weaker(i.walk_strength) else i.walk_strength
        o.stay = i.stay
        if o.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.out().value = self.inp().value


class ScaleConstraint(BinaryConstraint):
    def __init__(self, src, scale, offset, dest, strength):
        self.scale = scale
        self.offset = offset
        super().__init__(src, dest, strength)

    def execute(self):
        if self.forward:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value


class Planner:
    def __init__(self):
        self.mark = 0

    def new_mark(self):
        self.mark += 1
        return self.mark

    def plan(self, sources):
        mark = self.new_mark()
        plan = []
        todo = list(sources)
        while todo:
            c = todo.pop()
            c.choose(mark)
            if not c.satisfied():
                continue
            for v in c.outputs():
                if v.mark != mark:
                    v.mark = mark
                    plan.append(c)
                    c.recalculate()
                    for nxt in v.constraints:
                        if nxt is not c and not nxt.is_input():
                            todo.append(nxt)
        return plan


def run_plan(plan):
    for c in plan:
        c.execute()


def chain_test(n):
    planner = Planner()
    vs = [Variable("v%d" % i) for i in range(n + 1)]
    for i in range(n):
        EqualityConstraint(vs[i], vs[i + 1], REQUIRED)
    StayConstraint(vs[n], STRONG)
    edit = EditConstraint(vs[0], REQUIRED)
    plan = planner.plan([edit])
    total = 0
    for i in range(50):
        vs[0].value = i
        run_plan(plan)
        total += vs[n].value
    return total + len(plan)


def projection_test(n):
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    srcs, dests = [], []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        srcs.append(src)
        dests.append(dst)
        StayConstraint(src, NORMAL)
        ScaleConstraint(src, scale, offset, dst, REQUIRED)
    edit = EditConstraint(srcs[0], REQUIRED)
    plan = planner.plan([c for s in srcs for c in s.constraints if isinstance(c, ScaleConstraint)] + [edit])
    run_plan(plan)
    total = sum(d.value for d in dests)
    offset.value = 2000
    run_plan(plan)
    return total + sum(d.value for d in dests) + len(plan)


def main():
    check = 0
    for _ in range(REPEAT):
        check = (check + chain_test(N) + projection_test(N)) % 1000003
    print(f"deltablue_like({N}) x{REPEAT} checksum {check}")


main()
