//! Unit tests for control flow: try/except/finally, with, break/continue/return unwinding, and a
//! golden disassembly.

use super::tests::{find, ok, ops};
use crate::bytecode::Op;

fn seq(code: &crate::bytecode::CodeUnit) -> Vec<(Op, u32)> {
    code.code.iter().map(|i| (i.op, i.arg)).collect()
}

#[test]
fn try_except_sequence() {
    let c = ok("try:\n    a\nexcept E as e:\n    b\nexcept F:\n    c\n");
    use Op::*;
    assert_eq!(
        ops(&c),
        vec![
            SetupExcept,
            LoadName,
            Pop,
            PopBlock,
            Jump, // 0..4
            LoadName,
            CheckExcMatch,
            PopJumpIfFalse,
            StoreName,
            SetupFinally, // 5..9 (E as e)
            LoadName,
            Pop,
            PopBlock,
            PopExcept,
            LoadConst,
            StoreName,
            DeleteName,
            Jump, // 10..17
            LoadConst,
            StoreName,
            DeleteName,
            Reraise, // 18..21 cleanup
            LoadName,
            CheckExcMatch,
            PopJumpIfFalse,
            Pop,
            LoadName,
            Pop,
            PopExcept,
            Jump,    // 22..29 (F)
            Reraise, // 30
            LoadConst,
            ReturnValue,
        ]
    );
    assert_eq!(c.code[0].arg, 5);
    assert_eq!(c.code[4].arg, 31);
    assert_eq!(c.code[7].arg, 22);
    assert_eq!(c.code[9].arg, 18);
    assert_eq!(c.code[24].arg, 30);
    assert_eq!(c.code[29].arg, 31);
}

#[test]
fn try_finally_sequence() {
    let c = ok("try:\n    a\nfinally:\n    b\n");
    use Op::*;
    assert_eq!(
        ops(&c),
        vec![
            SetupFinally,
            LoadName,
            Pop,
            PopBlock,
            LoadName,
            Pop,
            Jump,
            LoadName,
            Pop,
            Reraise,
            LoadConst,
            ReturnValue
        ]
    );
    assert_eq!(c.code[0].arg, 7);
    assert_eq!(c.code[6].arg, 10);
}

#[test]
fn with_sequence() {
    let c = ok("with m as v:\n    a\n");
    use Op::*;
    assert_eq!(
        seq(&c),
        vec![
            (LoadName, 0),
            (BeforeWith, 12),
            (StoreName, 1),
            (LoadName, 2),
            (Pop, 0),
            (PopBlock, 0),
            (LoadConst, 0),
            (LoadConst, 0),
            (LoadConst, 0),
            (Call, 3),
            (Pop, 0),
            (Jump, 18),
            (WithExceptStart, 0),
            (PopJumpIfTrue, 15),
            (Reraise, 0),
            (PopExcept, 0),
            (Pop, 0),
            (Pop, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
        ]
    );
    assert_eq!(c.stacksize, 4);
}

#[test]
fn return_inside_finally_and_with() {
    let c = ok("def f():\n    with m:\n        try:\n            return x\n        finally:\n            g()\n");
    let f = find(&c, "f");
    use Op::*;
    let o = ops(f);
    // return x: value; PopBlock; finally body inline; PopBlock (with); Rot2; exit(None x3); Pop; ReturnValue.
    let i = o.iter().position(|&x| x == SetupFinally).unwrap() + 1;
    assert_eq!(
        o[i..i + 13],
        [
            LoadGlobal,
            PopBlock,
            LoadGlobal,
            Call,
            Pop,
            PopBlock,
            Rot2,
            LoadConst,
            LoadConst,
            LoadConst,
            Call,
            Pop,
            ReturnValue
        ]
    );
}

#[test]
fn break_continue_unwinding() {
    let c = ok("for x in y:\n    try:\n        break\n    finally:\n        f()\n");
    use Op::*;
    let o = ops(&c);
    // break: PopBlock; finally body; Pop iterator; Jump end.
    assert_eq!(o[5..11], [PopBlock, LoadName, Call, Pop, Pop, Jump]);
    let end = c.code[10].arg as usize;
    assert_eq!(c.code[end].op, LoadConst);

    let c = ok("while x:\n    try:\n        pass\n    except E:\n        continue\n");
    let o = ops(&c);
    let i = o.iter().position(|&x| x == CheckExcMatch).unwrap();
    // The handler: Pop exc; continue -> PopExcept; Jump start.
    assert_eq!(o[i + 2..i + 5], [Pop, PopExcept, Jump]);
    assert_eq!(c.code[i + 4].arg, 0);

    let c = ok("for x in y:\n    with m:\n        break\n");
    let o = ops(&c);
    assert_eq!(
        o[7..15],
        [PopBlock, LoadConst, LoadConst, LoadConst, Call, Pop, Pop, Jump]
    );
}

#[test]
fn break_in_finally_handler_path_pops_exception() {
    let c = ok("for x in y:\n    try:\n        pass\n    finally:\n        break\n");
    let o = ops(&c);
    use Op::*;
    // Normal-path copy: Pop iterator; Jump. Exception-path copy: Pop exc; PopExcept; Pop iterator; Jump.
    assert_eq!(o[4], SetupFinally);
    let h = c.code[4].arg as usize;
    assert_eq!(o[h..h + 4], [Pop, PopExcept, Pop, Jump]);
}

#[test]
fn return_from_named_handler() {
    let c = ok("def f():\n    try:\n        pass\n    except E as e:\n        return e\n");
    let f = find(&c, "f");
    use Op::*;
    let o = ops(f);
    let i = o.iter().position(|&x| x == SetupFinally).unwrap();
    // value; PopBlock (cleanup block); PopExcept; e = None; del e; ReturnValue.
    assert_eq!(
        o[i + 1..i + 8],
        [
            LoadFast,
            PopBlock,
            PopExcept,
            LoadConst,
            StoreFast,
            DeleteFast,
            ReturnValue
        ]
    );
}

#[test]
fn return_inside_for_in_with_pops_iterator() {
    let c = ok("def f():\n    with m:\n        for x in y:\n            return x\n");
    let f = find(&c, "f");
    use Op::*;
    let o = ops(f);
    let i = o.iter().position(|&x| x == StoreFast).unwrap();
    assert_eq!(
        o[i + 1..i + 12],
        [
            LoadFast,
            Rot2,
            Pop,
            PopBlock,
            Rot2,
            LoadConst,
            LoadConst,
            LoadConst,
            Call,
            Pop,
            ReturnValue
        ]
    );
}

#[test]
fn stack_depth_bounds() {
    let c = ok("def f(a, b):\n    return a + b * (a - b)\n");
    assert_eq!(find(&c, "f").stacksize, 4);
    let c = ok("for i in x:\n    for j in y:\n        with m:\n            try:\n                pass\n            except E:\n                pass\n");
    assert!(c.stacksize >= 4 && c.stacksize <= 6, "{}", c.stacksize);
}

#[test]
fn golden_disassembly() {
    let c = ok("def add(a, b=1):\n    if a:\n        return a + b\n    return None\n");
    let text = crate::dis::disassemble(find(&c, "add"));
    let expected = "\
Disassembly of <code object add at \"<test>\", line 1>:
  qualname:   add
  kind:       Function
  argcount:   2 (posonly 0, kwonly 0)   stacksize: 2
  varnames:   a, b
  consts:     0: None
   2        0 LOAD_FAST                   0 (a)
            1 POP_JUMP_IF_FALSE           6 (to 6)

   3        2 LOAD_FAST                   0 (a)
            3 LOAD_FAST                   1 (b)
            4 BINARY_OP                   0 (+)
            5 RETURN_VALUE

   4 >>     6 LOAD_CONST                  0 (None)
            7 RETURN_VALUE
            8 LOAD_CONST                  0 (None)
            9 RETURN_VALUE
";
    assert_eq!(text, expected, "\n{text}");
}

#[test]
#[ignore]
fn print_sample_disassembly() {
    let src = std::env::var("MINIPY_DIS_SRC").unwrap_or_else(|_| {
        "class A(B):\n    def m(self, x=1.5e20, *a, k=-2, **kw):\n        return super().m(f'{x!r:>4}', *a)\n\
         def g(n):\n    try:\n        yield [i for i in range(n) if i % 2]\n    except (E, F) as e:\n        raise X from e\n"
            .to_string()
    });
    let src = std::fs::read_to_string(&src).unwrap_or(src);
    println!("{}", crate::dis::disassemble(&ok(&src)));
}

/// Compiles every `.py` file under `$MINIPY_CORPUS` (e.g. CPython's Lib/): reports internal errors and
/// panics; unsupported-feature errors are counted. Run with `--ignored --nocapture`.
#[test]
#[ignore]
fn compile_corpus() {
    let Ok(root) = std::env::var("MINIPY_CORPUS") else {
        return;
    };
    let mut stack = vec![std::path::PathBuf::from(root)];
    let (mut okn, mut unsupported, mut other) = (0, 0, 0);
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap().flatten() {
                stack.push(e.path());
            }
            continue;
        }
        if p.extension().is_none_or(|x| x != "py") {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let name = p.display().to_string();
        let r = std::panic::catch_unwind(|| super::compile(&src, &name, false));
        match r {
            Err(_) => println!("PANIC {name}"),
            Ok(Ok(_)) => okn += 1,
            Ok(Err(e)) if e.msg.contains("not supported by minipy") => unsupported += 1,
            Ok(Err(e)) => {
                other += 1;
                println!("{}:{}: {}: {}", name, e.line, e.kind, e.msg);
            }
        }
    }
    println!("ok {okn}, unsupported {unsupported}, other errors {other}");
}

/// Writes scope facts of every code unit under `$MINIPY_CORPUS` to `$MINIPY_SCOPE_DUMP`, one line per
/// unit (file|qualname|occurrence|argcount|posonly|kwonly|varnames|cellvars|freevars|gen|varargs|varkw),
/// for comparison with CPython's code objects.
#[test]
#[ignore]
fn dump_scopes() {
    use crate::bytecode::{CodeUnit, Const};
    use std::collections::HashMap;
    use std::fmt::Write as _;
    let (Ok(root), Ok(dump)) = (
        std::env::var("MINIPY_CORPUS"),
        std::env::var("MINIPY_SCOPE_DUMP"),
    ) else {
        return;
    };
    fn walk(c: &CodeUnit, file: &str, seen: &mut HashMap<String, usize>, out: &mut String) {
        let n = seen.entry(c.qualname.clone()).or_insert(0);
        let k = *n;
        *n += 1;
        if c.name != "<module>" {
            let _ = writeln!(
                out,
                "{file}|{}|{k}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
                c.qualname,
                c.argcount,
                c.posonlyargcount,
                c.kwonlyargcount,
                c.varnames.join(","),
                c.cellvars.join(","),
                c.freevars.join(","),
                c.is_generator as u8,
                c.has_varargs as u8,
                c.has_varkw as u8
            );
        }
        for k in &c.consts {
            if let Const::Code(inner) = k {
                walk(inner, file, seen, out);
            }
        }
    }
    let mut out = String::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap().flatten() {
                stack.push(e.path());
            }
            continue;
        }
        if p.extension().is_none_or(|x| x != "py") {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let name = p.display().to_string();
        if let Ok(code) = super::compile(&src, &name, false) {
            walk(&code, &name, &mut HashMap::new(), &mut out);
        }
    }
    std::fs::write(dump, out).unwrap();
}
