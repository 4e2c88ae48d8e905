//! `_linesource.getline(filename, lineno)`: one source line (with its newline) of a file or of an
//! embedded library module (`<minipy-lib>/...`), or '' — what the VM's own traceback printer reads,
//! for interp/lib/traceback.py. Files are read anew at each call (no cache to invalidate).

use super::super::functions::npos_range;
use crate::obj::layout::Kind;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    super::add_fns(vm, m, &[("getline", getline)])
}

fn getline(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "getline", 2, 2)?;
    let (f, n) = (vm.arg(&a, 0), vm.arg(&a, 1));
    if !vm.is(f, Kind::Str) || !n.is_int() {
        return Err(vm.type_error("getline(filename: str, lineno: int)"));
    }
    let filename = vm.str_of(f).to_string();
    let lineno = n.as_int();
    let text = match crate::stdlib::source_of(&filename) {
        Some(t) => Some(t.to_string()),
        None => std::fs::read_to_string(&filename).ok(),
    };
    let line = match (text, usize::try_from(lineno - 1)) {
        (Some(t), Ok(i)) => t
            .split_inclusive('\n')
            .nth(i)
            .map(|l| {
                if l.ends_with('\n') {
                    l.to_string()
                } else {
                    format!("{l}\n")
                }
            })
            .unwrap_or_default(),
        _ => String::new(),
    };
    vm.new_str(&line)
}
