//! `_frameinfo`: the little frame introspection that pure-Python library modules need (warnings'
//! stacklevel, logging's caller): `caller(depth)` answers `(filename, lineno, globals, name)` of the
//! Python frame `depth` levels above the one calling it (0: that caller itself), or None past the
//! outermost frame; `source_line(filename, lineno)` answers that line of a source file (or of the
//! embedded library), stripped, or "" (what linecache.getline would give warnings).
//! minipy has no frame objects; this reads the VM's frame stack.

use crate::vm::{Args, PyResult, Vm};
use ::gc::Value;

pub fn fill(vm: &mut Vm, slot: usize) -> PyResult<()> {
    vm.module_add_fn(vm.at(slot), "caller", caller)?;
    vm.module_add_fn(vm.at(slot), "source_line", source_line)
}

fn source_line(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 2 || !vm.is(vm.arg(&a, 0), crate::obj::layout::Kind::Str) {
        return Err(vm.type_error("source_line(filename, lineno)"));
    }
    let filename = vm.str_of(vm.arg(&a, 0)).to_string();
    let line = vm.to_i64(vm.arg(&a, 1)).unwrap_or(0);
    let text = match crate::stdlib::source_of(&filename) {
        Some(t) => Some(t.to_string()),
        None => std::fs::read_to_string(&filename).ok(),
    };
    let l = match (text, usize::try_from(line - 1)) {
        (Some(t), Ok(i)) => t.lines().nth(i).map(|l| l.trim().to_string()),
        _ => None,
    };
    vm.new_str(&l.unwrap_or_default())
}

fn caller(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let depth = if a.n > 0 {
        match vm.to_i64(vm.arg(&a, 0)) {
            Some(d) if d >= 0 => d as usize,
            _ => return Err(vm.value_error("depth must be a non-negative int")),
        }
    } else {
        0
    };
    let n = vm.roots.frames.len();
    if depth >= n {
        return Ok(vm.none());
    }
    let f = vm.roots.frames[n - 1 - depth];
    let cd = vm.code_data(f.code);
    let line = cd.line_at(f.ip.saturating_sub(1));
    let filename = cd.filename.clone();
    let name = cd.name.clone();
    let base = vm.sp();
    vm.push(f.globals);
    let fv = vm.new_str(&filename)?;
    vm.push(fv);
    let nv = vm.new_str(&name)?;
    vm.push(nv);
    let (g, fv, nv) = (vm.at(base), vm.at(base + 1), vm.at(base + 2));
    vm.truncate(base);
    vm.push(fv);
    vm.push(Value::from_int(line as i64).unwrap());
    vm.push(g);
    vm.push(nv);
    let t = vm.new_tuple_from_stack(4);
    vm.truncate(base);
    t
}
