//! Unit tests: compiling the language subset, exact sequences, scopes, stack depths and errors.

use super::compile;
use crate::bytecode::{CodeKind, CodeUnit, Const, Op};

pub(crate) fn ok(src: &str) -> CodeUnit {
    match compile(src, "<test>", false) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {e}\n--- source ---\n{src}"),
    }
}

/// The code unit named `name` (depth-first search through the code constants).
pub(crate) fn find<'c>(code: &'c CodeUnit, name: &str) -> &'c CodeUnit {
    fn walk<'c>(c: &'c CodeUnit, name: &str) -> Option<&'c CodeUnit> {
        if c.name == name {
            return Some(c);
        }
        c.consts.iter().find_map(|k| match k {
            Const::Code(inner) => walk(inner, name),
            _ => None,
        })
    }
    walk(code, name).unwrap_or_else(|| panic!("no code unit {name}"))
}

pub(crate) fn ops(code: &CodeUnit) -> Vec<Op> {
    code.code.iter().map(|i| i.op).collect()
}

pub(crate) fn err(src: &str) -> super::CompileError {
    match compile(src, "<test>", false) {
        Ok(_) => panic!("expected a compile error for:\n{src}"),
        Err(e) => e,
    }
}

fn all_units(c: &CodeUnit, out: &mut Vec<CodeUnit>) {
    out.push(c.clone());
    for k in &c.consts {
        if let Const::Code(inner) = k {
            all_units(inner, out);
        }
    }
}

const SNIPPETS: &[&str] = &[
    "x = 1\ny = x + 2 * 3 - 4 / 5 // 6 % 7 ** 8 << 1 >> 2 & 3 | 4 ^ 5\n",
    "a, b = 1, 2\n[c, d] = [3, 4]\na, *b, c = range(10)\n*a, = [1]\n(a, b), c = (1, 2), 3\n",
    "x = y = z = 0\nx.a = 1\nx[0] = 2\nx[1:2] = []\nx[::2] = []\nx[1, 2:3] = 5\n",
    "x += 1\nx.a -= 2\nx[i] *= 3\nx[1:2] += [1]\n",
    "x: int = 5\ny: str\nz.a: int = 1\n",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
    "while x:\n    if y: break\n    if z: continue\nelse:\n    w = 1\n",
    "for i in range(3):\n    if i: continue\n    break\nelse:\n    pass\n",
    "for i, (j, k) in items:\n    print(i, j, k)\n",
    "def f(a, b=1, *args, c, d=2, **kw):\n    return a + b + c + d\n",
    "def f(a, /, b, *, c):\n    pass\n",
    "def g():\n    x = 1\n    def h():\n        nonlocal x\n        x += 1\n        return x\n    return h\n",
    "def f():\n    global G\n    G = 1\n    return G\n",
    "class A(B, metaclass=M):\n    x = 1\n    def m(self):\n        return super().m()\n",
    "class A:\n    '''doc'''\n    @property\n    def p(self): return self._p\n    @staticmethod\n    def s(): pass\n",
    "@d1\n@d2(3)\ndef f(): pass\n",
    "@dec\nclass C: pass\n",
    "lambda: 0\nf = lambda x, y=2, *a, z=3, **k: x + y\n",
    "[x for x in y]\n{x for x in y if x}\n{k: v for k, v in d.items()}\n(x for x in y)\n",
    "[x * y for x in a if x for y in b if y if x + y]\n",
    "def f(n):\n    return [i + n for i in range(n)]\n",
    "def gen():\n    x = yield 1\n    yield from range(3)\n    return x\n",
    "try:\n    a()\nexcept ValueError as e:\n    print(e)\nexcept (TypeError, KeyError):\n    pass\nexcept:\n    raise\nelse:\n    b()\nfinally:\n    c()\n",
    "try:\n    pass\nfinally:\n    pass\n",
    "raise ValueError('x')\n",
    "raise ValueError('x') from None\n",
    "with open(f) as fh, lock:\n    fh.read()\n",
    "with a as (b, c):\n    pass\n",
    "assert x\nassert x, 'message'\n",
    "del x\ndel x.a, x[0], x[1:2]\ndel (a, b), [c]\n",
    "import os\nimport os.path\nimport os.path as p\nfrom . import x\nfrom ..m import y as z\nfrom m import *\n",
    "f(1, 2)\nf(a=1)\nf(1, b=2)\nf(*a)\nf(*a, *b, c)\nf(**k)\nf(1, *a, b=2, **k, c=3)\no.m(1, 2)\no.m(a=1)\no.m(*a)\n",
    "x = [1, 2, *a, 3]\ny = (1, *a)\nz = {1, *a}\nw = {'a': 1, **m, 'b': 2}\nv = {**m}\nu = {}\nt = ()\n",
    "s = f'{x}'\ns = f'a{x!r}b{y:>10}c{z!s:{w}}'\ns = f''\ns = f'{x=}'\n",
    "a < b < c\na == b\na is b\na is not None\na in b\na not in b\na < b > c != d\n",
    "x = a if b else c\ny = a and b or c\nz = not a\nw = -a + +b + ~c\n",
    "x = 10**30\ny = -5\nz = 1.5\nw = b'bytes'\nv = ...\nu = None\nt = True\n",
    "x = a[1:2]\ny = a[::2]\nz = a[1:]\nw = a[:, 1]\n",
    "if (n := 10) > 5:\n    print(n)\n",
    "def f(xs):\n    return [y for x in xs if (y := x * 2)]\n",
    "def outer():\n    a = 1\n    class C:\n        b = a\n        def m(self):\n            return a\n    return C\n",
    "class C:\n    __private = 1\n    def m(self):\n        return self.__private\n",
    "def f(a):\n    def g():\n        return a\n    return g\n",
    "def f():\n    for x in y:\n        try:\n            with z:\n                if x: break\n                if y: continue\n                return 1\n        finally:\n            print()\n",
    "def f():\n    try:\n        return 1\n    except E as e:\n        return 2\n    finally:\n        return 3\n",
    "x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, a]\n",
    "print('hello', end='')\nprint(*args, sep=', ')\n",
    "global g\ng = 1\n",
    "from __future__ import annotations\n",
    "class A:\n    def f(self):\n        return [super().f() for _ in range(1)]\n",
    "x = (yield_ := 3)\n",
    "def f(*, a=1, b): pass\n",
    "async_ = 1\nmatch_ = 2\n",
];

#[test]
fn compiles_every_snippet() {
    for src in SNIPPETS {
        let code = ok(src);
        let mut units = Vec::new();
        all_units(&code, &mut units);
        for u in &units {
            assert_eq!(
                u.code.len(),
                u.lines.len(),
                "line table length in {}",
                u.name
            );
            assert!(
                u.stacksize < 64,
                "stack size {} in {} for\n{src}",
                u.stacksize,
                u.name
            );
            assert!(u.lines.iter().all(|&l| l >= 1), "line 0 in {}", u.name);
        }
        // The disassembler handles every unit.
        let text = crate::dis::disassemble(&code);
        assert!(text.contains("Disassembly of"));
    }
}

#[test]
fn module_ends_with_return_none() {
    let c = ok("x = 1\n");
    assert_eq!(
        ops(&c),
        vec![Op::LoadConst, Op::StoreName, Op::LoadConst, Op::ReturnValue]
    );
    assert_eq!(c.consts, vec![Const::Int(1), Const::None]);
    assert_eq!(c.kind, CodeKind::Module);
    assert_eq!(c.stacksize, 1);
}

#[test]
fn expression_statement_pops_or_prints() {
    let c = ok("f()\n");
    assert_eq!(ops(&c)[..3], [Op::LoadName, Op::Call, Op::Pop]);
    let c = compile("1 + x\n", "<stdin>", true).unwrap();
    assert_eq!(
        ops(&c)[..4],
        [Op::LoadConst, Op::LoadName, Op::BinaryOp, Op::PrintExpr]
    );
}

#[test]
fn function_locals_globals_and_params() {
    let c = ok("def f(a, b=2, *args, c, d=4, **kw):\n    e = a\n    return g\n");
    let f = find(&c, "f");
    assert_eq!(f.varnames, vec!["a", "b", "args", "c", "d", "kw", "e"]);
    assert_eq!(
        (f.argcount, f.kwonlyargcount, f.has_varargs, f.has_varkw),
        (2, 2, true, true)
    );
    assert_eq!(f.consts[0], Const::None, "consts[0] is the docstring slot");
    assert_eq!(
        ops(f),
        vec![
            Op::LoadFast,
            Op::StoreFast,
            Op::LoadGlobal,
            Op::ReturnValue,
            Op::LoadConst,
            Op::ReturnValue
        ]
    );
    // Module: defaults tuple (constant), kwdefaults dict, code, qualname, MakeFunction 1|2.
    let m = ops(&c);
    assert_eq!(
        m,
        vec![
            Op::LoadConst,
            Op::LoadConst,
            Op::LoadConst,
            Op::BuildMap,
            Op::LoadConst,
            Op::LoadConst,
            Op::MakeFunction,
            Op::StoreName,
            Op::LoadConst,
            Op::ReturnValue
        ]
    );
    assert_eq!(c.code[6].arg, 3);
    assert_eq!(c.consts[0], Const::Tuple(vec![Const::Int(2)]));
}

#[test]
fn closures_cells_and_freevars() {
    let c = ok("def f(a):\n    b = 1\n    def g():\n        return a + b\n    return g\n");
    let f = find(&c, "f");
    assert_eq!(f.cellvars, vec!["a", "b"]);
    assert_eq!(f.cell2arg, vec![(0, 0)]);
    let g = find(&c, "g");
    assert_eq!(g.freevars, vec!["a", "b"]);
    assert_eq!(g.qualname, "f.<locals>.g");
    assert_eq!(ops(g)[..3], [Op::LoadDeref, Op::LoadDeref, Op::BinaryOp]);
    // f builds the closure: LoadClosure a, LoadClosure b, BuildTuple 2, code, qualname, MakeFunction 8.
    let fo = ops(f);
    let i = fo.iter().position(|&o| o == Op::LoadClosure).unwrap();
    assert_eq!(
        fo[i..i + 6],
        [
            Op::LoadClosure,
            Op::LoadClosure,
            Op::BuildTuple,
            Op::LoadConst,
            Op::LoadConst,
            Op::MakeFunction
        ]
    );
    assert_eq!(f.code[i + 5].arg, 8);
    assert_eq!(ops(f)[..2], [Op::LoadConst, Op::StoreDeref]);
}

#[test]
fn nonlocal_and_global_declarations() {
    let c = ok("def f():\n    x = 0\n    def g():\n        nonlocal x\n        x = 1\n    global y\n    y = x\n");
    let g = find(&c, "g");
    assert_eq!(g.freevars, vec!["x"]);
    assert!(ops(g).contains(&Op::StoreDeref));
    let f = find(&c, "f");
    assert!(ops(f).contains(&Op::StoreGlobal));
}

#[test]
fn class_body_and_super_cell() {
    let c = ok("class A(B):\n    def m(self):\n        return super().m()\n");
    let a = find(&c, "A");
    assert_eq!(a.kind, CodeKind::Class);
    assert_eq!(a.cellvars, vec!["__class__"]);
    assert_eq!(
        ops(a)[..4],
        [Op::LoadName, Op::StoreName, Op::LoadConst, Op::StoreName]
    );
    assert_eq!(
        a.names[..2],
        ["__name__".to_string(), "__module__".to_string()]
    );
    let n = a.code.len();
    assert_eq!((a.code[n - 2].op, a.code[n - 2].arg), (Op::LoadClosure, 0));
    assert_eq!(a.code[n - 1].op, Op::ReturnValue);
    let m = find(&c, "m");
    assert_eq!(m.freevars, vec!["__class__"]);
    assert_eq!(m.qualname, "A.m");
    // Module: LoadBuildClass; code; qualname; MakeFunction 0; name; base; Call 3 (the class body owns
    // the __class__ cell, so it needs no closure itself).
    assert_eq!(
        ops(&c)[..7],
        [
            Op::LoadBuildClass,
            Op::LoadConst,
            Op::LoadConst,
            Op::MakeFunction,
            Op::LoadConst,
            Op::LoadName,
            Op::Call
        ]
    );
    assert_eq!(c.code[6].arg, 3);
    // The method's closure is built in the class body from its __class__ cell.
    let a_ops = ops(a);
    let i = a_ops.iter().position(|&o| o == Op::LoadClosure).unwrap();
    assert_eq!(
        a_ops[i..i + 5],
        [
            Op::LoadClosure,
            Op::BuildTuple,
            Op::LoadConst,
            Op::LoadConst,
            Op::MakeFunction
        ]
    );
    assert_eq!(a.code[i + 4].arg, 8);
    let plain = ok("class A:\n    x = 1\n");
    let a = find(&plain, "A");
    assert!(a.cellvars.is_empty());
    assert_eq!(ops(a)[ops(a).len() - 2..], [Op::LoadConst, Op::ReturnValue]);
    assert_eq!(
        ops(&plain)[..5],
        [
            Op::LoadBuildClass,
            Op::LoadConst,
            Op::LoadConst,
            Op::MakeFunction,
            Op::LoadConst
        ]
    );
    assert_eq!(
        plain.code[5],
        crate::bytecode::Instr {
            op: Op::Call,
            arg: 2
        }
    );
}

#[test]
fn class_keywords_and_star_bases() {
    let c = ok("class A(B, metaclass=M): pass\n");
    let o = ops(&c);
    assert!(o.contains(&Op::CallKw));
    assert!(c
        .consts
        .contains(&Const::Tuple(vec![Const::Str("metaclass".into())])));
    let c = ok("class A(*bases): pass\n");
    let o = ops(&c);
    let i = o.iter().position(|&x| x == Op::BuildList).unwrap();
    assert_eq!(c.code[i].arg, 2);
    assert_eq!(
        o[i..i + 5],
        [
            Op::BuildList,
            Op::LoadName,
            Op::ListExtend,
            Op::ListToTuple,
            Op::CallEx
        ]
    );
}

#[test]
fn class_reads_enclosing_function_variable() {
    let c = ok("def f():\n    a = 1\n    class C:\n        b = a\n        a = 2\n        def m(self): return a\n    return C\n");
    let cls = find(&c, "C");
    // `a` is local to the class (assigned) and also passed through to m.
    assert_eq!(cls.freevars, vec!["a"]);
    let c2 = ok("def f():\n    a = 1\n    class C:\n        b = a\n    return C\n");
    let cls = find(&c2, "C");
    assert_eq!(cls.freevars, vec!["a"]);
    assert!(ops(cls).contains(&Op::LoadClassDeref));
}

#[test]
fn decorators_apply_in_reverse() {
    let c = ok("@a\n@b\ndef f(): pass\n");
    assert_eq!(
        ops(&c)[..7],
        [
            Op::LoadName,
            Op::LoadName,
            Op::LoadConst,
            Op::LoadConst,
            Op::MakeFunction,
            Op::Call,
            Op::Call
        ]
    );
    assert_eq!(c.lines[0], 1);
}

#[test]
fn comprehension_is_a_nested_function() {
    let c = ok("r = [x * 2 for x in data if x]\n");
    assert_eq!(
        ops(&c)[..7],
        [
            Op::LoadConst,
            Op::LoadConst,
            Op::MakeFunction,
            Op::LoadName,
            Op::GetIter,
            Op::Call,
            Op::StoreName
        ]
    );
    let lc = find(&c, "<listcomp>");
    assert_eq!(lc.varnames, vec![".0", "x"]);
    assert_eq!(lc.argcount, 1);
    assert_eq!(lc.kind, CodeKind::Comprehension);
    assert_eq!(
        ops(lc),
        vec![
            Op::BuildList,
            Op::LoadFast,
            Op::ForIter,
            Op::StoreFast,
            Op::LoadFast,
            Op::PopJumpIfFalse,
            Op::LoadFast,
            Op::LoadConst,
            Op::BinaryOp,
            Op::ListAppend,
            Op::Jump,
            Op::ReturnValue
        ]
    );
    assert_eq!(lc.code[9].arg, 2);
    assert_eq!(lc.code[2].arg, 11);
    assert_eq!(lc.code[5].arg, 2);
    let g = ok("g = (x for x in y)\n");
    let ge = find(&g, "<genexpr>");
    assert!(ge.is_generator);
    assert!(ops(ge).contains(&Op::YieldValue));
    let d = ok("{k: v for k in a for v in b}\n");
    let dc = find(&d, "<dictcomp>");
    let i = ops(dc).iter().position(|&o| o == Op::MapAdd).unwrap();
    assert_eq!(dc.code[i].arg, 3);
}

#[test]
fn comprehension_closure_over_function_local() {
    let c = ok("def f(n):\n    return [i + n for i in range(n)]\n");
    let f = find(&c, "f");
    assert_eq!(f.cellvars, vec!["n"]);
    let lc = find(&c, "<listcomp>");
    assert_eq!(lc.freevars, vec!["n"]);
    assert_eq!(lc.qualname, "f.<locals>.<listcomp>");
}

#[test]
fn walrus_in_comprehension_binds_outside() {
    let c = ok("def f(xs):\n    r = [y for x in xs if (y := x)]\n    return y\n");
    let f = find(&c, "f");
    assert_eq!(f.cellvars, vec!["y"]);
    let lc = find(&c, "<listcomp>");
    assert_eq!(lc.freevars, vec!["y"]);
    assert!(ops(lc).contains(&Op::StoreDeref));
}

#[test]
fn generators() {
    let c = ok("def g():\n    x = yield 1\n    yield from y\n    return x\n");
    let g = find(&c, "g");
    assert!(g.is_generator);
    assert_eq!(g.kind, CodeKind::Generator);
    assert_eq!(
        ops(g)[..7],
        [
            Op::LoadConst,
            Op::YieldValue,
            Op::StoreFast,
            Op::LoadGlobal,
            Op::GetYieldFromIter,
            Op::LoadConst,
            Op::YieldFrom
        ]
    );
}

#[test]
fn chained_comparison_sequence() {
    let c = ok("a < b < c\n");
    assert_eq!(
        ops(&c),
        vec![
            Op::LoadName,
            Op::LoadName,
            Op::Dup,
            Op::Rot3,
            Op::CompareOp,
            Op::JumpIfFalseOrPop,
            Op::LoadName,
            Op::CompareOp,
            Op::Jump,
            Op::Rot2,
            Op::Pop,
            Op::Pop,
            Op::LoadConst,
            Op::ReturnValue
        ]
    );
    assert_eq!(c.code[5].arg, 9);
    assert_eq!(c.code[8].arg, 11);
    assert_eq!(c.stacksize, 3);
}

#[test]
fn calls() {
    let c = ok("f(1, k=2)\n");
    assert_eq!(
        ops(&c)[..5],
        [
            Op::LoadName,
            Op::LoadConst,
            Op::LoadConst,
            Op::LoadConst,
            Op::CallKw
        ]
    );
    assert_eq!(c.code[4].arg, 2);
    assert_eq!(c.consts[2], Const::Tuple(vec![Const::Str("k".into())]));
    let c = ok("o.m(1)\n");
    assert_eq!(
        ops(&c)[..4],
        [Op::LoadName, Op::LoadMethod, Op::LoadConst, Op::CallMethod]
    );
    let c = ok("f(*a, **k)\n");
    assert_eq!(
        ops(&c)[..8],
        [
            Op::LoadName,
            Op::BuildList,
            Op::LoadName,
            Op::ListExtend,
            Op::ListToTuple,
            Op::BuildMap,
            Op::LoadName,
            Op::DictMerge
        ]
    );
    assert_eq!(
        c.code[8],
        crate::bytecode::Instr {
            op: Op::CallEx,
            arg: 1
        }
    );
}

#[test]
fn augmented_assignment_patterns() {
    let c = ok("o.a += 1\n");
    assert_eq!(
        ops(&c)[..7],
        [
            Op::LoadName,
            Op::Dup,
            Op::LoadAttr,
            Op::LoadConst,
            Op::InplaceOp,
            Op::Rot2,
            Op::StoreAttr
        ]
    );
    let c = ok("o[k] += 1\n");
    assert_eq!(
        ops(&c)[..8],
        [
            Op::LoadName,
            Op::LoadName,
            Op::Dup2,
            Op::Subscript,
            Op::LoadConst,
            Op::InplaceOp,
            Op::Rot3,
            Op::StoreSubscr
        ]
    );
}

#[test]
fn unpacking() {
    let c = ok("a, *b, c = x\n");
    assert_eq!(
        c.code[1],
        crate::bytecode::Instr {
            op: Op::UnpackEx,
            arg: 1 | (1 << 8)
        }
    );
    let c = ok("a, b = x\n");
    assert_eq!(
        c.code[1],
        crate::bytecode::Instr {
            op: Op::UnpackSequence,
            arg: 2
        }
    );
}

#[test]
fn imports() {
    let c = ok("import a.b.c as d\n");
    assert_eq!(
        ops(&c)[..10],
        [
            Op::LoadConst,
            Op::LoadConst,
            Op::ImportName,
            Op::ImportFrom,
            Op::Rot2,
            Op::Pop,
            Op::ImportFrom,
            Op::Rot2,
            Op::Pop,
            Op::StoreName
        ]
    );
    assert_eq!(c.consts[..2], [Const::None, Const::Int(0)]);
    let c = ok("import a.b\n");
    assert_eq!(c.names, vec!["a.b", "a"]);
    let c = ok("from ..m import x as y, z\n");
    assert_eq!(
        c.consts[0],
        Const::Tuple(vec![Const::Str("x".into()), Const::Str("z".into())])
    );
    assert_eq!(c.consts[1], Const::Int(2));
    assert_eq!(
        ops(&c)[..8],
        [
            Op::LoadConst,
            Op::LoadConst,
            Op::ImportName,
            Op::ImportFrom,
            Op::StoreName,
            Op::ImportFrom,
            Op::StoreName,
            Op::Pop
        ]
    );
    let c = ok("from m import *\n");
    assert_eq!(
        ops(&c)[..4],
        [Op::LoadConst, Op::LoadConst, Op::ImportName, Op::ImportStar]
    );
}

#[test]
fn fstrings() {
    let c = ok("f'a{x!r:>{w}}b'\n");
    // The spec `>{w}` is itself an f-string: LoadConst '>'; w; FormatValue 0; BuildString 2.
    assert_eq!(
        ops(&c)[..9],
        [
            Op::LoadConst,
            Op::LoadName,
            Op::LoadConst,
            Op::LoadName,
            Op::FormatValue,
            Op::BuildString,
            Op::FormatValue,
            Op::LoadConst,
            Op::BuildString
        ]
    );
    assert_eq!(c.code[4].arg, 0);
    assert_eq!(c.code[6].arg, 2 | 4);
    assert_eq!(c.code[8].arg, 3);
}

#[test]
fn constants() {
    let c =
        ok("a = 2**70\nb = 123456789012345678901234567890\nc = -7\nd = (1, 'x', (2.5, None))\n");
    assert!(c.consts.contains(&Const::Int(2)));
    assert!(c.consts.iter().any(|k| matches!(k, Const::BigInt(_))));
    assert!(c.consts.contains(&Const::Int(-7)));
    assert!(c.consts.contains(&Const::Tuple(vec![
        Const::Int(1),
        Const::Str("x".into()),
        Const::Tuple(vec![Const::Float(2.5), Const::None])
    ])));
    let c = ok("x = -9223372036854775808\n");
    assert_eq!(c.consts[0], Const::Int(i64::MIN));
}

#[test]
fn displays_with_stars() {
    let c = ok("[1, *a, 2]\n");
    assert_eq!(
        ops(&c)[..6],
        [
            Op::LoadConst,
            Op::BuildList,
            Op::LoadName,
            Op::ListExtend,
            Op::LoadConst,
            Op::ListAppend
        ]
    );
    let c = ok("{'a': 1, **m}\n");
    assert_eq!(
        ops(&c)[..5],
        [
            Op::LoadConst,
            Op::LoadConst,
            Op::BuildMap,
            Op::LoadName,
            Op::DictUpdate
        ]
    );
    let c = ok("{*a, 1}\n");
    assert_eq!(
        ops(&c)[..5],
        [
            Op::BuildSet,
            Op::LoadName,
            Op::SetUpdate,
            Op::LoadConst,
            Op::SetAdd
        ]
    );
    let big: Vec<String> = (0..100).map(|i| format!("a{i}")).collect();
    let c = ok(&format!("x = [{}]\n", big.join(", ")));
    assert!(c.stacksize <= 3);
}

#[test]
fn boolean_ops_and_conditions() {
    let c = ok("x = a and b or c\n");
    assert_eq!(
        ops(&c)[..6],
        [
            Op::LoadName,
            Op::JumpIfFalseOrPop,
            Op::LoadName,
            Op::JumpIfTrueOrPop,
            Op::LoadName,
            Op::StoreName
        ]
    );
    let c = ok("if not a and b:\n    x\n");
    assert_eq!(
        ops(&c)[..4],
        [
            Op::LoadName,
            Op::PopJumpIfTrue,
            Op::LoadName,
            Op::PopJumpIfFalse
        ]
    );
    let c = ok("while True:\n    x\n");
    assert_eq!(ops(&c)[..3], [Op::LoadName, Op::Pop, Op::Jump]);
}

#[test]
fn lines_follow_statements() {
    let c = ok("x = 1\n\ny = (2 +\n  z)\n");
    assert_eq!(c.lines[..2], [1, 1]);
    assert_eq!(c.lines[2], 3);
    assert_eq!(c.lines[3], 4, "z is on line 4");
    assert_eq!(c.lines[4], 3);
    let c = ok("\n\ndef f():\n    return 1\n");
    let f = find(&c, "f");
    assert_eq!(f.firstlineno, 3);
    assert_eq!(f.lines[0], 4);
}

#[test]
fn private_names_are_mangled() {
    let c = ok("class C:\n    __x = 1\n    def m(self):\n        return self.__y\n");
    let cls = find(&c, "C");
    assert!(cls.names.contains(&"_C__x".to_string()));
    let m = find(&c, "m");
    assert!(m.names.contains(&"_C__y".to_string()));
}

#[test]
fn assert_sequence() {
    let c = ok("assert x, 'm'\n");
    assert_eq!(
        ops(&c)[..6],
        [
            Op::LoadName,
            Op::PopJumpIfTrue,
            Op::LoadAssertionError,
            Op::LoadConst,
            Op::Call,
            Op::RaiseVarargs
        ]
    );
    assert_eq!(c.code[1].arg, 6);
}

#[test]
fn docstrings() {
    let c = ok("'''mod doc'''\ndef f():\n    'fdoc'\n    return 1\n");
    assert_eq!(ops(&c)[..2], [Op::LoadConst, Op::StoreName]);
    assert_eq!(c.names[0], "__doc__");
    let f = find(&c, "f");
    assert_eq!(f.consts[0], Const::Str("fdoc".into()));
    assert_eq!(ops(f)[..2], [Op::LoadConst, Op::ReturnValue]);
}

// ---- errors ----

#[test]
fn syntax_errors_have_lines() {
    let e = err("x = 1\ny = (\n");
    assert_eq!(e.kind, "SyntaxError");
    assert!(e.line >= 2, "line {}", e.line);
    let e = err("x = 1\nif x\n    pass\n");
    assert_eq!(e.kind, "SyntaxError");
    assert_eq!(e.line, 2);
    let e = err("def f():\nreturn 1\n");
    assert!(e.kind == "IndentationError" || e.kind == "SyntaxError");
    assert_eq!(e.filename, "<test>");
}

#[test]
fn match_and_except_star_compile_with_their_errors() {
    assert!(compile(
        "match x:\n    case [a, *b] | (a, b):\n        pass\n",
        "<test>",
        false
    )
    .is_ok());
    assert!(compile("try:\n    pass\nexcept* E:\n    pass\n", "<test>", false).is_ok());
    for (src, needle, line) in [
        (
            "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
            "name capture 'y' makes remaining patterns unreachable",
            2,
        ),
        (
            "for i in x:\n    try:\n        pass\n    except* E:\n        break\n",
            "'break', 'continue' and 'return' cannot appear in an except* block",
            5,
        ),
    ] {
        let e = err(src);
        assert_eq!(e.kind, "SyntaxError");
        assert!(e.msg.contains(needle), "{}", e.msg);
        assert_eq!(e.line, line, "{src}");
    }
}

#[test]
fn misplaced_statements() {
    for (src, needle, line) in [
        (
            "def f():\n    await x\n",
            "'await' outside async function",
            2,
        ),
        ("await x\n", "'await' outside function", 1),
        (
            "def f():\n    return [x async for x in y]\n",
            "asynchronous comprehension outside of an asynchronous function",
            2,
        ),
        (
            "def f():\n    async for x in y: pass\n",
            "'async for' outside async function",
            2,
        ),
        (
            "def f():\n    async with x: pass\n",
            "'async with' outside async function",
            2,
        ),
        (
            "async def f():\n    yield from x\n",
            "'yield from' inside async function",
            2,
        ),
        (
            "async def f():\n    yield 1\n    return 2\n",
            "'return' with value in async generator",
            3,
        ),
        ("return 1\n", "'return' outside function", 1),
        ("class C:\n    return 1\n", "'return' outside function", 2),
        ("x = 1\nyield x\n", "'yield' outside function", 2),
        ("break\n", "'break' outside loop", 1),
        (
            "while x:\n    def f():\n        continue\n",
            "'continue' not properly in loop",
            3,
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "assigned to before global declaration",
            3,
        ),
        (
            "def f():\n    print(x)\n    global x\n",
            "used prior to global declaration",
            3,
        ),
        ("def f(x):\n    global x\n", "parameter and global", 2),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
            1,
        ),
        (
            "def f():\n    nonlocal x\n",
            "no binding for nonlocal 'x' found",
            2,
        ),
        ("def f(a, a): pass\n", "duplicate argument", 1),
        (
            "[(yield x) for x in y]\n",
            "'yield' inside list comprehension",
            1,
        ),
        (
            "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
            "default 'except:' must be last",
            3,
        ),
        ("a, *b, *c = x\n", "multiple starred expressions", 1),
        ("f(a=1, a=2)\n", "keyword argument repeated", 1),
        (
            "def f():\n    from m import *\n",
            "import * only allowed at module level",
            2,
        ),
        (
            "class C:\n    [(y := 1) for x in z]\n",
            "cannot be used in a class body",
            2,
        ),
        ("print(*a)\nx = *a\n", "starred", 2),
    ] {
        let e = err(src);
        assert_eq!(e.kind, "SyntaxError", "{src}");
        assert!(e.msg.contains(needle), "{src}: got {:?}", e.msg);
        assert_eq!(e.line, line, "{src}: {}", e.msg);
    }
}

#[test]
fn interactive_prints_only_top_level() {
    let c = compile("def f():\n    g()\nx\n", "<stdin>", true).unwrap();
    assert!(ops(&c).contains(&Op::PrintExpr));
    assert!(!ops(find(&c, "f")).contains(&Op::PrintExpr));
}

#[test]
fn cpython_orders_and_qualnames() {
    let c = ok("def f(a, b):\n    z = y = 1\n    def g(): return a + b + y + z\n    return [[i for i in x] for x in a]\n");
    assert_eq!(find(&c, "f").cellvars, vec!["a", "b", "y", "z"]);
    let mut units = Vec::new();
    all_units(&c, &mut units);
    let names: Vec<&str> = units.iter().map(|u| u.qualname.as_str()).collect();
    assert!(
        names.contains(&"f.<locals>.<listcomp>.<listcomp>"),
        "{names:?}"
    );
}
