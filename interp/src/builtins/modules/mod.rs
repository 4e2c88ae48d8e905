//! The native modules of the builtins layer: `sys` (sys.rs + sys_extra.rs, which imports
//! interp/lib/_sysinfo.py), `math` (math.rs), `cmath` (cmath.rs), `_time` (time.rs + time_tm.rs;
//! interp/lib/time.py is the `time` module), `_os` (os.rs: the system calls under interp/lib/os.py,
//! io.py, subprocess.py...), `gc` and `__minipy__` (gc.rs), `importlib` (importlib.rs).
//! [`MODULES`] lists their makers by import name; the standard
//! registry (`crate::interpreter`) registers them, and the importer (vm/import.rs) calls a maker on
//! the first import and caches the module in sys.modules. A maker builds a fresh module object each
//! time it is called.

mod cmath;
mod frameinfo;
mod gc;
mod hashlib;
mod importlib;
mod linesource;
mod math;
mod math_gamma;
mod opaque;
mod os;
mod random;
mod regex;
mod sys;
mod sys_extra;
mod sys_frames;
mod time;
mod time_tm;

use crate::obj::layout::NativeFn;
use crate::vm::registry::ModuleMaker;
use crate::vm::{PyResult, Vm};
// `::gc`: the heap crate, not the `gc` module declared above.
use ::gc::Value;

/// The native modules defined here, by import name.
pub const MODULES: &[(&str, ModuleMaker)] = &[
    ("builtins", make_builtins),
    ("sys", make_sys),
    ("math", make_math),
    ("cmath", make_cmath),
    ("_time", make_time),
    ("gc", make_gc),
    ("importlib", make_importlib),
    ("__minipy__", make_minipy),
    ("_weakref", make_weakref),
    ("_os", make_os),
    ("_hashlib", make_hashlib),
    ("_random", make_random),
    ("_re", make_re),
    ("_linesource", make_linesource),
    ("_frameinfo", make_frameinfo),
];

fn make_builtins(vm: &mut Vm) -> PyResult<Value> {
    let d = vm.roots.builtins;
    let m = vm.new_module_over("builtins", d)?;
    vm.push(m);
    let n = vm.intern("builtins");
    let k = vm.intern("__name__");
    let r = vm.dict_set(vm.roots.builtins, k, n);
    let m = vm.pop();
    r.map(|_| m)
}
fn make_sys(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "sys", sys::fill)
}
fn make_math(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "math", math::fill)
}
fn make_cmath(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "cmath", cmath::fill)
}
fn make_time(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "_time", time::fill)
}
fn make_os(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "_os", os::fill)
}
fn make_frameinfo(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "_frameinfo", frameinfo::fill)
}
fn make_importlib(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "importlib", importlib::fill)
}
/// `_hashlib` (hashlib.rs) and `_random` (random.rs): private natives under interp/lib.
fn make_hashlib(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "_hashlib", hashlib::fill)
}
fn make_random(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "_random", random::fill)
}
fn make_gc(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "gc", gc::fill_gc)
}
fn make_re(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "_re", regex::fill)
}
fn make_minipy(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "__minipy__", gc::fill_minipy)
}

fn make_linesource(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "_linesource", linesource::fill)
}

/// `_weakref`: the native part of `weakref` (interp/lib/weakref.py builds on it).
fn make_weakref(vm: &mut Vm) -> PyResult<Value> {
    new_filled(vm, "_weakref", |vm, slot| {
        let t = vm.builtin_type("ReferenceType");
        vm.module_set(vm.at(slot), "ref", t)?;
        vm.module_set(vm.at(slot), "ReferenceType", t)?;
        use crate::objects::weakref_count::{getweakrefcount, getweakrefs};
        let fns: &[(&str, NativeFn)] = &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
        ];
        add_fns(vm, slot, fns)
    })
}

fn new_filled(
    vm: &mut Vm,
    name: &str,
    build: fn(&mut Vm, usize) -> PyResult<()>,
) -> PyResult<Value> {
    let m = vm.new_module(name)?;
    let slot = vm.sp();
    vm.push(m);
    let r = build(vm, slot);
    let m = vm.at(slot);
    vm.truncate(slot);
    r.map(|_| m)
}

/// Adds native functions to the module at stack slot `slot`.
fn add_fns(vm: &mut Vm, slot: usize, fns: &[(&str, NativeFn)]) -> PyResult<()> {
    for (name, f) in fns {
        vm.module_add_fn(vm.at(slot), name, *f)?;
    }
    Ok(())
}

/// Sets `name` on the module at `slot` to a value computed by `make` (which may allocate).
fn set_attr(
    vm: &mut Vm,
    slot: usize,
    name: &str,
    make: impl FnOnce(&mut Vm) -> PyResult<Value>,
) -> PyResult<()> {
    let v = make(vm)?;
    vm.module_set(vm.at(slot), name, v)
}

/// A dict of (name, u64) counters.
fn counters_dict(vm: &mut Vm, items: &[(&str, u64)]) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let d = vm.new_dict()?;
        vm.push(d);
        for (k, v) in items {
            let v = vm.new_int_from_u64(*v)?;
            vm.push(v);
            let k = vm.new_str(k)?;
            let v = vm.pop();
            vm.dict_set(vm.at(base), k, v)?;
        }
        Ok(vm.at(base))
    })();
    vm.truncate(base);
    r
}
