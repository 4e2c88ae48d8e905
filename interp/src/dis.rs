//! The disassembler behind `minipy --dis`: a listing in the style of Python's `dis` for a code unit and,
//! recursively, for the code units among its constants.
//!
//! Nothing here knows individual opcodes: names, which arguments are jump targets and how an argument
//! is printed all come from the opcode table (`bytecode/opcodes.rs`) through `Op::name`, `Op::is_jump`
//! and `Op::operand`. The listing format is pinned by the golden files in `interp/tests/dis/`.

use crate::bytecode::{BinOp, CmpOp, CodeUnit, Const, Op, Operand, UnaryOp};
use std::fmt::Write;

/// Renders a code unit and, recursively, the code units among its constants.
pub fn disassemble(code: &CodeUnit) -> String {
    let mut out = String::new();
    render(code, &mut out);
    out
}

fn render(code: &CodeUnit, out: &mut String) {
    header(code, out);
    let targets: Vec<u32> = code
        .code
        .iter()
        .filter(|i| i.op.is_jump())
        .map(|i| i.arg)
        .collect();
    let mut last_line = None;
    for (pc, ins) in code.code.iter().enumerate() {
        let line = code.lines.get(pc).copied().unwrap_or(0);
        let line_col = if last_line != Some(line) {
            if last_line.is_some() {
                out.push('\n');
            }
            last_line = Some(line);
            format!("{line:>4}")
        } else {
            String::new()
        };
        let mark = if targets.contains(&(pc as u32)) {
            ">>"
        } else {
            "  "
        };
        let name = op_name(ins.op);
        let operand = ins.op.operand();
        let meaning = arg_meaning(code, operand, ins.arg);
        let has_arg = operand != Operand::None;
        let _ = match (has_arg, meaning) {
            (false, _) => writeln!(out, "{line_col:<4} {mark}{pc:>6} {name}"),
            (true, Some(m)) => writeln!(
                out,
                "{line_col:<4} {mark}{pc:>6} {name:<24} {:>4} ({m})",
                ins.arg
            ),
            (true, None) => writeln!(out, "{line_col:<4} {mark}{pc:>6} {name:<24} {:>4}", ins.arg),
        };
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            render(inner, out);
        }
    }
}

fn header(code: &CodeUnit, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code object {} at \"{}\", line {}>:",
        code.name, code.filename, code.firstlineno
    );
    let mut flags = Vec::new();
    if code.has_varargs {
        flags.push("VARARGS");
    }
    if code.has_varkw {
        flags.push("VARKEYWORDS");
    }
    match (code.is_generator, code.is_async) {
        (true, false) => flags.push("GENERATOR"),
        (false, true) => flags.push("COROUTINE"),
        (true, true) => flags.push("ASYNC_GENERATOR"),
        _ => {}
    }
    let _ = writeln!(out, "  qualname:   {}", code.qualname);
    let _ = writeln!(
        out,
        "  kind:       {:?}{}",
        code.kind,
        if flags.is_empty() {
            String::new()
        } else {
            format!(" ({})", flags.join(", "))
        }
    );
    let _ = writeln!(
        out,
        "  argcount:   {} (posonly {}, kwonly {})   stacksize: {}",
        code.argcount, code.posonlyargcount, code.kwonlyargcount, code.stacksize
    );
    let list = |v: &[String]| v.join(", ");
    if !code.varnames.is_empty() {
        let _ = writeln!(out, "  varnames:   {}", list(&code.varnames));
    }
    if !code.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars:   {}", list(&code.cellvars));
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars:   {}", list(&code.freevars));
    }
    if !code.cell2arg.is_empty() {
        let pairs: Vec<String> = code
            .cell2arg
            .iter()
            .map(|(c, a)| format!("{c}<-{a}"))
            .collect();
        let _ = writeln!(out, "  cell2arg:   {}", pairs.join(", "));
    }
    if !code.names.is_empty() {
        let _ = writeln!(out, "  names:      {}", list(&code.names));
    }
    if !code.consts.is_empty() {
        let cs: Vec<String> = code
            .consts
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{i}: {}", const_repr(c)))
            .collect();
        let _ = writeln!(out, "  consts:     {}", cs.join(", "));
    }
}

/// CPython-style opcode name: `LoadFast` -> `LOAD_FAST`.
pub fn op_name(op: Op) -> String {
    let mut s = String::new();
    for (i, ch) in op.name().chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            s.push('_');
        }
        s.push(ch.to_ascii_uppercase());
    }
    s
}

fn get(v: &[String], i: u32) -> String {
    v.get(i as usize)
        .cloned()
        .unwrap_or_else(|| format!("<bad index {i}>"))
}

/// The argument's meaning in parentheses after its value, or `None` when the value says it all.
fn arg_meaning(code: &CodeUnit, operand: Operand, arg: u32) -> Option<String> {
    let cell_name = |i: u32| {
        let i = i as usize;
        if i < code.cellvars.len() {
            code.cellvars[i].clone()
        } else {
            code.freevars
                .get(i - code.cellvars.len())
                .cloned()
                .unwrap_or_else(|| format!("<bad cell {i}>"))
        }
    };
    // An out-of-range operator is printed, not decoded with `from_arg` (which panics): `dis` is a
    // debugging tool and must show corrupt bytecode rather than die on it.
    let symbol =
        |s: Result<&str, u32>| s.map_or_else(|arg| format!("<bad op {arg}>"), str::to_string);
    Some(match operand {
        Operand::None | Operand::Count | Operand::Depth => return None,
        Operand::Const => code
            .consts
            .get(arg as usize)
            .map_or_else(|| format!("<bad const {arg}>"), const_repr),
        Operand::Local => get(&code.varnames, arg),
        Operand::Cell => cell_name(arg),
        Operand::Name => get(&code.names, arg),
        Operand::BinOp => symbol(BinOp::try_from(arg).map(BinOp::symbol)),
        Operand::InplaceOp => BinOp::try_from(arg).map_or_else(
            |arg| format!("<bad op {arg}>"),
            |op| format!("{}=", op.symbol()),
        ),
        Operand::UnaryOp => symbol(UnaryOp::try_from(arg).map(UnaryOp::symbol)),
        Operand::CmpOp => symbol(CmpOp::try_from(arg).map(CmpOp::symbol)),
        Operand::IsNot => (if arg == 1 { "is not" } else { "is" }).to_string(),
        Operand::NotIn => (if arg == 1 { "not in" } else { "in" }).to_string(),
        Operand::Jump => format!("to {arg}"),
        Operand::FormatFlags => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            match (conv, arg & 4 != 0) {
                ("", false) => return None,
                ("", true) => "with format".to_string(),
                (c, false) => c.to_string(),
                (c, true) => format!("{c}, with format"),
            }
        }
        Operand::FunctionFlags => {
            let mut parts = Vec::new();
            for (bit, name) in [
                (1, "defaults"),
                (2, "kwdefaults"),
                (4, "annotations"),
                (8, "closure"),
            ] {
                if arg & bit != 0 {
                    parts.push(name);
                }
            }
            if parts.is_empty() {
                return None;
            }
            parts.join(", ")
        }
        Operand::CallExFlags if arg & 1 != 0 => "with kwargs".to_string(),
        Operand::CallExFlags => return None,
        Operand::UnpackCounts => format!("{} before, {} after", arg & 0xff, arg >> 8),
        Operand::RaiseForm => match arg {
            0 => "reraise".to_string(),
            1 => "exception".to_string(),
            _ => "exception from cause".to_string(),
        },
    })
}

/// Python `repr` of a constant.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::True => "True".into(),
        Const::False => "False".into(),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(b) => b.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Complex(re, im) => {
            if *re == 0.0 && re.is_sign_positive() {
                format!("{}j", float_repr_short(*im))
            } else {
                let sign = if *im < 0.0 || (*im == 0.0 && im.is_sign_negative()) {
                    "-"
                } else {
                    "+"
                };
                format!(
                    "({}{}{}j)",
                    float_repr_short(*re),
                    sign,
                    float_repr_short(im.abs())
                )
            }
        }
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => bytes_repr(b),
        Const::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Const::Code(code) => format!("<code object {} at line {}>", code.name, code.firstlineno),
    }
}

/// Float repr without the trailing `.0` for integral values (as in complex reprs).
fn float_repr_short(f: f64) -> String {
    let s = float_repr(f);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

// One implementation of Python's reprs serves both the disassembler and the VM.
pub use crate::vm::repr::{bytes_repr, float_repr, str_repr};
