//! memoryview's item formats (native struct codes, x86-64 sizes, little-endian) and the buffer
//! hook through which a Python object exports its storage.
//!
//! A view stores its format as the code's byte in `MemoryViewObj::fmt` (0 stands for 'B').
//!
//! Buffer hook: an instance whose `__dict__` holds `__minipy_buffer__ = (storage, fmt)`, storage a
//! bytes or bytearray and fmt a one-character format, exports that storage with that format
//! (the pure-Python `array` does so). The lookup reads the dict without running Python, so every
//! place that takes a bytes-like object can use it without a GC point; the storage is read whole
//! at each use, so an exporter that grows its bytearray is seen at its current size.

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;
use num_traits::ToPrimitive;

/// The format code of a view (the stored byte, 0 meaning 'B').
pub(crate) fn code(fmt: u64) -> u8 {
    if fmt == 0 {
        b'B'
    } else {
        fmt as u8
    }
}

/// Item size of a supported format code.
pub(crate) fn itemsize(c: u8) -> Option<usize> {
    Some(match c {
        b'b' | b'B' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

/// A format string accepted by cast and the hook ('@' prefix allowed): its code.
pub(crate) fn parse(s: &str) -> Option<u8> {
    let s = s.strip_prefix('@').unwrap_or(s);
    match s.as_bytes() {
        [c] if itemsize(*c).is_some() => Some(*c),
        _ => None,
    }
}

/// The exported (storage, code) of an object using the buffer hook.
pub(crate) fn exporter(vm: &Vm, v: Value) -> Option<(Value, u8)> {
    if !v.is_ptr() || vm.kind(v) != Kind::Instance {
        return None;
    }
    let t = match vm.map_of(v) {
        crate::vm::attrmap::NO_MAP => {
            let d = vm.obj::<InstanceObj>(v).dict;
            if d.is_null() || !vm.is(d, Kind::Dict) {
                return None;
            }
            vm.dict_get_str_rust(d, "__minipy_buffer__")?
        }
        m => {
            let k = *vm.roots.interned.get("__minipy_buffer__")?;
            let i = vm.map_find(m, k)?;
            vm.inst_slot(v, i)
        }
    };
    if !vm.is(t, Kind::Tuple) {
        return None;
    }
    let items = vm.tuple_items(t);
    if items.len() != 2 || !vm.is(items[1], Kind::Str) {
        return None;
    }
    let (storage, f) = (items[0], items[1]);
    if !vm.is(storage, Kind::Bytes) && !vm.is(storage, Kind::ByteArray) {
        return None;
    }
    Some((storage, parse(vm.str_of(f))?))
}

/// A copy of the bytes an exporter exposes.
pub(crate) fn exported_bytes(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    let (s, _) = exporter(vm, v)?;
    Some(if vm.is(s, Kind::Bytes) {
        vm.bytes_of(s).to_vec()
    } else {
        vm.bytearray(s).clone()
    })
}

/// The Python value of one item (`b` holds exactly the item's bytes).
pub(crate) fn decode(vm: &mut Vm, c: u8, b: &[u8]) -> PyResult<Value> {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_le_bytes(w);
    match c {
        b'b' => vm.new_int(b[0] as i8 as i64),
        b'h' => vm.new_int(u as u16 as i16 as i64),
        b'i' => vm.new_int(u as u32 as i32 as i64),
        b'l' | b'q' | b'n' => vm.new_int(u as i64),
        b'f' => vm.new_float(f32::from_bits(u as u32) as f64),
        b'd' => vm.new_float(f64::from_bits(u)),
        b'?' => Ok(vm.bool_val(u != 0)),
        b'c' => vm.new_bytes(b),
        _ => vm.new_int_from_u64(u),
    }
}

/// The bytes of `x` stored as an item of format `c`, with CPython's errors.
pub(crate) fn encode(vm: &mut Vm, c: u8, x: Value) -> PyResult<Vec<u8>> {
    let n = itemsize(c).unwrap_or(1);
    match c {
        b'f' | b'd' => {
            let f = if vm.is(x, Kind::Float) {
                vm.float_val(x)
            } else if vm.is_int(x) {
                match vm.to_bigint(x).and_then(|b| b.to_f64()) {
                    Some(f) => f,
                    None => return bad_type(vm, c),
                }
            } else {
                return bad_type(vm, c);
            };
            Ok(if c == b'f' {
                (f as f32).to_le_bytes().to_vec()
            } else {
                f.to_le_bytes().to_vec()
            })
        }
        b'?' => {
            let t = vm.truthy(x)?;
            Ok(vec![t as u8])
        }
        b'c' => {
            if vm.is(x, Kind::Bytes) && vm.bytes_of(x).len() == 1 {
                Ok(vm.bytes_of(x).to_vec())
            } else if vm.is(x, Kind::Bytes) {
                bad_value(vm, c)
            } else {
                bad_type(vm, c)
            }
        }
        _ => {
            if !vm.is_int(x) {
                return bad_type(vm, c);
            }
            let v = vm.to_bigint(x).unwrap_or_default();
            let signed = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let bits = 8 * n as u32;
            let ok = if signed {
                v.to_i64().is_some_and(|i| {
                    bits == 64 || (i >= -(1 << (bits - 1)) && i < (1 << (bits - 1)))
                })
            } else {
                v.to_u64().is_some_and(|u| bits == 64 || u < (1u64 << bits))
            };
            if !ok {
                return bad_value(vm, c);
            }
            let u = if signed {
                v.to_i64().unwrap() as u64
            } else {
                v.to_u64().unwrap()
            };
            Ok(u.to_le_bytes()[..n].to_vec())
        }
    }
}

fn bad_type<T>(vm: &mut Vm, c: u8) -> PyResult<T> {
    let msg = format!("memoryview: invalid type for format '{}'", c as char);
    Err(vm.type_error(msg))
}

fn bad_value<T>(vm: &mut Vm, c: u8) -> PyResult<T> {
    let msg = format!("memoryview: invalid value for format '{}'", c as char);
    Err(vm.value_error(msg))
}
