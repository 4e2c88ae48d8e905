//! `_hashlib`: the digests behind interp/lib/hashlib.py (md5, sha1, sha224, sha256, sha384,
//! sha512), from the RustCrypto crates. A hash state is an opaque handle (opaque.rs) owning a
//! `Box<dyn DynDigest>`; the Python `hashlib` objects wrap it.
//!
//! Functions: `new(name)` -> handle (ValueError for an unknown name), `update(h, data)` (bytes or
//! bytearray: the wrapper converts other buffers), `digest(h)` -> bytes (the state is not
//! consumed), `copy(h)` -> handle, `sizes(name)` -> (digest_size, block_size).

use super::add_fns;
use super::opaque::{new_handle, state_mut};
use crate::builtins::functions::npos_range;
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use sha2::digest::DynDigest;

type Hasher = Box<dyn DynDigest>;

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    add_fns(
        vm,
        m,
        &[
            ("new", new),
            ("update", update),
            ("digest", digest),
            ("copy", copy),
            ("block_size", block_size),
        ],
    )
}

fn make(name: &str) -> Option<Hasher> {
    Some(match name {
        "md5" => Box::new(md5::Md5::default()),
        "sha1" => Box::new(sha1::Sha1::default()),
        "sha224" => Box::new(sha2::Sha224::default()),
        "sha256" => Box::new(sha2::Sha256::default()),
        "sha384" => Box::new(sha2::Sha384::default()),
        "sha512" => Box::new(sha2::Sha512::default()),
        _ => return None,
    })
}

fn name_arg(vm: &mut Vm, a: &Args) -> PyResult<String> {
    let v = vm.arg(a, 0);
    if !vm.is(v, Kind::Str) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("new() argument 'name' must be str, not {tn}")));
    }
    Ok(vm.str_of(v).to_ascii_lowercase())
}

fn new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "new", 1, 1)?;
    let name = name_arg(vm, &a)?;
    match make(&name) {
        Some(h) => new_handle::<Hasher>(vm, h),
        None => Err(vm.value_error(format!("unsupported hash type {name}"))),
    }
}

fn block_size(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "block_size", 1, 1)?;
    let name = name_arg(vm, &a)?;
    let n = match name.as_str() {
        "sha384" | "sha512" => 128,
        _ => 64,
    };
    vm.new_int(n)
}

fn update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "update", 2, 2)?;
    let d = vm.arg(&a, 1);
    let data: Vec<u8> = if vm.is(d, Kind::Bytes) {
        vm.bytes_of(d).to_vec()
    } else if vm.is(d, Kind::ByteArray) {
        vm.obj::<ByteArrayObj>(d).data.clone()
    } else {
        let tn = vm.type_name(d);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    let h = vm.arg(&a, 0);
    state_mut::<Hasher>(vm, h, "hash")?.update(&data);
    Ok(vm.none())
}

fn digest(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "digest", 1, 1)?;
    let h = vm.arg(&a, 0);
    let out = state_mut::<Hasher>(vm, h, "hash")?.box_clone().finalize();
    vm.new_bytes(&out)
}

fn copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "copy", 1, 1)?;
    let h = vm.arg(&a, 0);
    let c = state_mut::<Hasher>(vm, h, "hash")?.box_clone();
    new_handle::<Hasher>(vm, c)
}
