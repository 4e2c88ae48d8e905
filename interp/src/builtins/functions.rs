//! The builtin functions (print, len, ...).

use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_builtin("print", print);
    vm.add_builtin("len", len);
}

fn print(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = vm.npos(&a);
    let sep = match vm.kwarg(&a, "sep") {
        Some(s) if s != vm.none() => vm.str_of(s).to_string(),
        _ => " ".to_string(),
    };
    let end = match vm.kwarg(&a, "end") {
        Some(s) if s != vm.none() => vm.str_of(s).to_string(),
        _ => "\n".to_string(),
    };
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push_str(&sep);
        }
        let v = vm.arg(&a, i);
        let s = vm.str_value(v)?;
        out.push_str(vm.str_of(s));
    }
    out.push_str(&end);
    vm.write_stdout(&out);
    Ok(vm.none())
}

fn len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 1 {
        return Err(vm.type_error(format!("len() takes exactly one argument ({} given)", a.n)));
    }
    let v = vm.arg(&a, 0);
    let n = vm.len(v)?;
    vm.new_int(n as i64)
}
