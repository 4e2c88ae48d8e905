//! Reports written the way CPython's `PyErr_WriteUnraisable` / cffi's callback reports are:
//! through the Python-level `sys.stderr` object (so a script that replaced it with anything
//! having `write()` sees them; None silences them), falling back to the process's stderr when
//! the `sys` module is missing; an exception from `write` is swallowed (the report is lost, as on CPython).

use crate::vm::Vm;

/// Writes `msg` to `sys.stderr` (any exception raised on the way is swallowed).
pub fn write(vm: &mut Vm, msg: &str) {
    vm.flush_stdout();
    let base = vm.sp();
    let ok = (|| -> crate::vm::PyResult<bool> {
        let Some(sys) = vm.sys_module("sys")? else {
            return Ok(false);
        };
        let err = vm.getattr_str(sys, "stderr")?;
        if err == vm.none() {
            return Ok(true); // as CPython: sys.stderr = None silences the report
        }
        vm.push(err);
        let s = vm.new_str(msg)?;
        vm.push(s);
        let w = vm.getattr_str(vm.at(base), "write")?;
        vm.call(w, &[vm.at(base + 1)])?;
        Ok(true)
    })();
    vm.truncate(base);
    match ok {
        Ok(true) => {}
        // as CPython: a failing sys.stderr.write() loses the report silently
        Err(_) => {
            vm.take_exc();
        }
        Ok(false) => eprint!("{}", crate::unicode::for_stderr(msg)),
    }
}
