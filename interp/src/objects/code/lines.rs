//! A code object's bytecode and line-number views: `co_code`, `co_lnotab` and the methods
//! `co_lines()` / `co_positions()`.
//!
//! minipy's instructions are 8-byte `Instr`s, not CPython's wordcode, so `co_code` exposes them as
//! 2 bytes each (the opcode and the low byte of the argument): offsets in `co_lines`,
//! `co_positions` and `co_lnotab` are therefore `2 * instruction index`, consistent with `co_code`
//! (ranges are contiguous and cover `0..len(co_code)`). Line 0 in `CodeData::lines` means "no line"
//! (None). minipy keeps no column information, so `co_positions` gives None columns.
//!
//! GC: everything is read from the CodeData into Rust vectors before the first allocation; built
//! values are rooted on the VM stack until their container is made.

use crate::obj::layout::*;
use crate::objects::args::{check_method, Arity};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

/// Bytes per instruction in `co_code` and in every offset derived from it.
const UNIT: usize = 2;

pub fn install(vm: &mut Vm) {
    vm.add_method("code", "co_lines", co_lines);
    vm.add_method("code", "co_positions", co_positions);
}

/// `co_code`: the opcode and the low argument byte of each instruction.
pub fn co_code(vm: &mut Vm, code: Value) -> PyResult<Value> {
    let cd = vm.code_data(code);
    let b: Vec<u8> = cd
        .instrs
        .iter()
        .flat_map(|i| [i.op as u8, i.arg as u8])
        .collect();
    vm.new_bytes(&b)
}

/// Maximal runs of instructions on the same line: (start offset, end offset, line or 0).
fn ranges(vm: &Vm, code: Value) -> Vec<(usize, usize, u32)> {
    let cd = vm.code_data(code);
    let mut out: Vec<(usize, usize, u32)> = Vec::new();
    for i in 0..cd.instrs.len() {
        let line = cd.line_at(i);
        match out.last_mut() {
            Some(last) if last.2 == line => last.1 = (i + 1) * UNIT,
            _ => out.push((i * UNIT, (i + 1) * UNIT, line)),
        }
    }
    out
}

/// `co_lnotab` (deprecated in CPython but present): (offset delta, line delta) byte pairs from
/// `co_firstlineno`, split as CPython does: offset deltas at most 255, line deltas in -128..=127.
pub fn co_lnotab(vm: &mut Vm, code: Value) -> PyResult<Value> {
    let mut out: Vec<u8> = Vec::new();
    let mut line = vm.code_data(code).firstlineno as i64;
    let mut offset = 0usize;
    for (start, _, l) in ranges(vm, code) {
        if l == 0 || l as i64 == line {
            continue;
        }
        let (mut bdelta, mut ldelta) = (start - offset, l as i64 - line);
        while bdelta > 255 {
            out.extend([255, 0]);
            bdelta -= 255;
        }
        while ldelta > 127 {
            out.extend([bdelta as u8, 127]);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            out.extend([bdelta as u8, (-128i8) as u8]);
            bdelta = 0;
            ldelta += 128;
        }
        out.extend([bdelta as u8, ldelta as i8 as u8]);
        offset = start;
        line = l as i64;
    }
    vm.new_bytes(&out)
}

/// An int, or None for line 0.
fn line_value(vm: &Vm, l: u32) -> Value {
    if l == 0 {
        vm.none()
    } else {
        Value::from_int(l as i64).unwrap_or(Value::NULL)
    }
}

/// An iterator over a list of tuples, each tuple built from `row` (small ints or None: no
/// allocation inside a row, so the values stay valid until the tuple is made).
fn iter_of_rows(vm: &mut Vm, rows: Vec<Vec<Value>>) -> PyResult<Value> {
    let base = vm.sp();
    for row in &rows {
        match vm.new_tuple(row) {
            Ok(t) => vm.push(t),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    let list = vm.new_list_from_stack(rows.len());
    vm.truncate(base);
    let list = list?;
    vm.get_iter(list)
}

/// `code.co_lines()`: an iterator of (start, end, line) over contiguous offset ranges.
fn co_lines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "code", "co_lines", &[Kind::Code], Arity::NoArgs)?;
    let code = vm.arg(&a, 0);
    let rows = ranges(vm, code)
        .into_iter()
        .map(|(s, e, l)| {
            let int = |i: usize| Value::from_int(i as i64).unwrap_or(Value::NULL);
            vec![int(s), int(e), line_value(vm, l)]
        })
        .collect();
    iter_of_rows(vm, rows)
}

/// `code.co_positions()`: an iterator of (line, end_line, column, end_column), one per
/// instruction; minipy records no columns.
fn co_positions(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "code", "co_positions", &[Kind::Code], Arity::NoArgs)?;
    let code = vm.arg(&a, 0);
    let n = vm.code_data(code).instrs.len();
    let none = vm.none();
    let rows = (0..n)
        .map(|i| {
            let l = line_value(vm, vm.code_data(code).line_at(i));
            vec![l, l, none, none]
        })
        .collect();
    iter_of_rows(vm, rows)
}
