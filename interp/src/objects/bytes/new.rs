//! The constructors of `bytes` and `bytearray` (`bytes(...)`, `bytearray(...)`: from a str with an
//! encoding, a size, a buffer, `__bytes__` or an iterable of ints) and `bytes_from_object`, the
//! non-str conversion (also `bytes(memoryview)`'s path). The codecs are `str/codecs.rs`'s.
//!
//! GC: `bytes_data` re-reads its arguments from the value stack after every conversion (`__index__`,
//! `__bytes__` and iteration run Python); the result is built from Rust data with one allocation.

use crate::obj::layout::*;
use crate::objects::args::{pin_kwnames, scoped, uarg};
use crate::objects::int::storage::index_bigint;
use crate::objects::native_subclass::{adopt_class, subclass_arg, uses_native_init};
use crate::objects::str::codecs::{encode, lookup_codec, str_param};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_traits::ToPrimitive;

/// Registers `bytes.__new__` and `bytearray.__new__` (the bytes type's install slot, with the methods
/// of both).
pub fn install(vm: &mut Vm) {
    vm.add_method("bytes", "__new__", |vm, a| {
        vm.finish_new(a, Kind::Bytes, bytes_new)
    });
    vm.add_method("bytearray", "__new__", bytearray_new);
    vm.add_method("bytearray", "__init__", bytearray_init);
}

/// The byte contents for bytes(...)/bytearray(...) arguments. With `sink` (the stack slot of the
/// bytearray being initialised), the items of an iterable are appended to it one by one, as
/// CPython's `bytearray.__init__` does (an iterator that looks at or grows it sees each append),
/// and the answer is what remains to append.
fn bytes_data(vm: &mut Vm, a: &Args, tname: &str, sink: Option<usize>) -> PyResult<Vec<u8>> {
    // Argument Clinic's wording, as CPython's bytes()/bytearray()
    if !a.kwnames.is_null() {
        let n = vm.tuple_items(a.kwnames).len();
        for j in 0..n {
            let k = vm.tuple_items(a.kwnames)[j];
            let k = vm.str_of(k).to_string();
            if !["source", "encoding", "errors"].contains(&k.as_str()) {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {tname}()"
                )));
            }
        }
    }
    if a.n - 1 > 3 {
        return Err(vm.type_error(format!(
            "{tname}() takes at most 3 arguments ({} given)",
            a.n - 1
        )));
    }
    let enc = uarg(vm, a, 1, "encoding");
    let errors = uarg(vm, a, 2, "errors");
    let Some(x) = uarg(vm, a, 0, "source") else {
        if enc.is_some() || errors.is_some() {
            let what = if enc.is_some() { "encoding" } else { "errors" };
            return Err(vm.type_error(format!("{what} without a string argument")));
        }
        return Ok(Vec::new());
    };
    if vm.is(x, Kind::Str) {
        let Some(e) = enc else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let enc = str_param(vm, Some(e), tname, "encoding", "utf-8")?;
        let errors = str_param(vm, errors, tname, "errors", "strict")?;
        let s = vm.str_of(uarg(vm, a, 0, "source").unwrap_or(x)).to_string();
        let codec = lookup_codec(vm, &enc)?;
        return encode(vm, &s, codec, &errors);
    }
    if enc.is_some() || errors.is_some() {
        let what = if enc.is_some() { "encoding" } else { "errors" };
        return Err(vm.type_error(format!("{what} without a string argument")));
    }
    bytes_from_object_as(vm, x, tname, sink)
}

/// bytes(x) for a non-str x: size, buffer, __bytes__ or iterable of ints.
pub fn bytes_from_object(vm: &mut Vm, x: Value) -> PyResult<Vec<u8>> {
    bytes_from_object_as(vm, x, "bytes", None)
}

/// As `bytes_from_object`, for the constructor of `tname` (bytes or bytearray: their messages differ).
fn bytes_from_object_as(
    vm: &mut Vm,
    x: Value,
    tname: &str,
    sink: Option<usize>,
) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.boxed_base(x).filter(|&b| vm.is(b, Kind::Bytes)) {
        return Ok(vm.bytes_of(b).to_vec());
    }
    if vm.is(x, Kind::Bytes) {
        return Ok(vm.bytes_of(x).to_vec());
    }
    if vm.is(x, Kind::ByteArray) {
        return Ok(vm.bytearray_mut(x).clone());
    }
    if let Some(b) = crate::objects::memoryview_fmt::exported_bytes(vm, x) {
        return Ok(b);
    }
    if vm.is(x, Kind::MemoryView) {
        let f = vm.getattr_str(x, "tobytes")?;
        let b = vm.call(f, &[])?;
        return Ok(vm.bytes_of(b).to_vec());
    }
    if vm.is_int(x) {
        let n = vm.to_i64(x);
        return match n {
            Some(n) if n < 0 => Err(vm.value_error("negative count")),
            Some(n) => {
                // A failed allocation aborts: reserve fallibly (CPython's MemoryError).
                let mut v = Vec::new();
                if v.try_reserve_exact(n as usize).is_err() {
                    return Err(vm.memory_error());
                }
                v.resize(n as usize, 0u8);
                Ok(v)
            }
            _ => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
    }
    if x.is_ptr() && matches!(vm.kind(x), Kind::Instance | Kind::Foreign) {
        if let Some(f) = vm.special(x, "__bytes__") {
            let r = vm.call(f, &[x])?;
            if !vm.is(r, Kind::Bytes) {
                let tn = vm.type_name(r);
                return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")));
            }
            return Ok(vm.bytes_of(r).to_vec());
        }
        if vm.special(x, "__index__").is_some() {
            let n = index_bigint(vm, x)?;
            return match n.to_i64() {
                Some(n) if n < 0 => Err(vm.value_error("negative count")),
                Some(n) if n <= (1 << 40) => Ok(vec![0u8; n as usize]),
                _ => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
            };
        }
    }
    let is_iterable = x.is_ptr()
        && (matches!(
            vm.kind(x),
            Kind::List
                | Kind::Tuple
                | Kind::Dict
                | Kind::Set
                | Kind::FrozenSet
                | Kind::Range
                | Kind::Generator
        ) || vm.special(x, "__iter__").is_some()
            || vm.special(x, "__getitem__").is_some());
    if !is_iterable {
        let tn = vm.type_name(x);
        return Err(vm.type_error(format!("cannot convert '{tn}' object to {tname}")));
    }
    let it = vm.get_iter(x)?;
    scoped(vm, |vm, base| {
        vm.push(it);
        let mut out = Vec::new();
        while let Some(v) = vm.next(vm.at(base))? {
            let n = index_bigint(vm, v)?;
            match n.to_u8() {
                Some(b) => match sink {
                    Some(slot) => {
                        let s = vm.at(slot);
                        vm.bytearray_check_resize(s)?;
                        vm.bytearray_mut(s).push(b);
                    }
                    None => out.push(b),
                },
                None => {
                    let what = if tname == "bytes" { "bytes" } else { "byte" };
                    return Err(vm.value_error(format!("{what} must be in range(0, 256)")));
                }
            }
        }
        Ok(out)
    })
}

fn bytes_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    if a.n == 2 && vm.is(vm.arg(&a, 1), Kind::Bytes) && vm.npos(&a) == 2 {
        return Ok(vm.arg(&a, 1));
    }
    let d = bytes_data(vm, &a, "bytes", None)?;
    vm.new_bytes(&d)
}

/// `bytearray(...)`, and `bytearray.__new__(Sub, ...)` for a Python subclass
/// (`objects/native_subclass.rs`): an empty Sub, filled here only when Sub has no Python `__init__`
/// (which CPython's `bytearray.__init__` would fill).
fn bytearray_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    let Some(cls) = subclass_arg(vm, &a, Kind::ByteArray)? else {
        let d = bytes_data(vm, &a, "bytearray", None)?;
        return vm.new_bytearray(d);
    };
    scoped(vm, |vm, base| {
        vm.push(cls);
        let v = vm.new_bytearray(Vec::new())?;
        vm.push(v);
        adopt_class(vm, base + 1, base)?;
        if uses_native_init(vm, vm.at(base)) {
            let d = bytes_data(vm, &a, "bytearray", Some(base + 1))?;
            vm.bytearray_mut(vm.at(base + 1)).extend_from_slice(&d);
        }
        Ok(vm.at(base + 1))
    })
}

/// `bytearray.__init__(self, ...)`: replaces the contents with those `bytearray(...)` would have.
fn bytearray_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    // CPython empties the bytearray first, then fills it
    let v = vm.arg(&a, 0);
    if !vm.bytearray(v).is_empty() {
        vm.bytearray_check_resize(v)?;
        vm.bytearray_mut(v).clear();
    }
    let d = bytes_data(vm, &a, "bytearray", Some(a.base))?;
    if !d.is_empty() {
        let v = vm.arg(&a, 0);
        vm.bytearray_check_resize(v)?;
        vm.bytearray_mut(v).extend_from_slice(&d);
    }
    Ok(vm.none())
}
