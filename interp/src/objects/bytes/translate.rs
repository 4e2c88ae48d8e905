//! bytes.maketrans (a staticmethod of bytes and bytearray) and bytes/bytearray.translate.
//! Arguments are bytes, bytearray or memoryview (copied out first: no GC point while they are read).

use super::methods::{new_same, self_data};
use crate::obj::layout::Kind;
use crate::objects::args::add_static;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    for t in ["bytes", "bytearray"] {
        vm.add_method(t, "translate", translate);
        add_static(vm, t, "maketrans", maketrans);
    }
}

/// The data of a bytes-like value (bytes, bytearray, memoryview), or a TypeError.
fn need(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if vm.is(v, Kind::Bytes) {
        return Ok(vm.bytes_of(v).to_vec());
    }
    if vm.is(v, Kind::ByteArray) {
        return Ok(vm.bytearray(v).clone());
    }
    if vm.is(v, Kind::MemoryView) {
        return crate::objects::memoryview::view_bytes(vm, v);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
}

fn maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::objects::args::no_kwargs(vm, &a, "maketrans")?;
    if a.n != 2 {
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {}", a.n)));
    }
    let from = need(vm, vm.arg(&a, 0))?;
    let to = need(vm, vm.arg(&a, 1))?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    vm.new_bytes(&table)
}

fn translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (data, is_ba) = self_data(vm, &a, "translate")?;
    let npos = vm.npos(&a);
    vm.check_kwargs(&a, "translate", &["delete"])?;
    if npos < 2 {
        return Err(vm.type_error(format!(
            "translate() takes at least 1 argument ({} given)",
            npos.saturating_sub(1)
        )));
    }
    if npos > 3 || (npos == 3 && vm.kwarg(&a, "delete").is_some()) {
        return Err(vm.type_error(format!(
            "translate() takes at most 2 arguments ({} given)",
            a.n - 1
        )));
    }
    let tv = vm.arg(&a, 1);
    let table = if tv == vm.none() {
        None
    } else {
        let t = need(vm, tv)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let dv = if npos == 3 {
        Some(vm.arg(&a, 2))
    } else {
        vm.kwarg(&a, "delete")
    };
    let delete = match dv {
        Some(d) => need(vm, d)?,
        None => Vec::new(),
    };
    let mut del = [false; 256];
    for d in delete {
        del[d as usize] = true;
    }
    let out: Vec<u8> = data
        .iter()
        .filter(|b| !del[**b as usize])
        .map(|b| table.as_ref().map_or(*b, |t| t[*b as usize]))
        .collect();
    new_same(vm, is_ba, out)
}
