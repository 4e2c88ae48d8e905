//! `str`: immutable Unicode text. Everything about it lives in this folder: its storage
//! (`storage.rs`: the inline UTF-8 payload with a cached char count and hash, interning), its slots
//! (here: len, subscription by char index, `in`, iteration, truth, repr, hash), its methods
//! (`methods.rs`: searching/splitting/stripping on top of the shared `objects::stringlib`;
//! `case.rs`: case mapping, predicates, padding; `misc.rs`: encode/translate/expandtabs/maketrans;
//! `codecs.rs`: the constructor `str(...)` and the codecs it shares with `bytes(...)`;
//! `strformat.rs`: str.format), the argument helpers shared with bytes (`args.rs`) and CPython's
//! character tables (`unicode.rs`).
//!
//! Indexing is by char: `nchars == len` marks ASCII text, where a char index is a byte offset; other
//! text converts char indices to byte offsets (`args::byte_at`/`char_at`). Concatenation, repetition
//! and `%` stay in the VM's `binary_op`/`seq_op` (shared with list/tuple/bytes there).
//!
//! GC contract of the slots: arguments arrive unrooted; a subscript is converted first (`__index__`
//! may run Python), `seq_key` returning the re-read str. The text is read with `str_of` only between
//! GC points and copied before allocating the result.

pub mod args;
pub mod case;
pub mod codecs;
pub mod methods;
pub mod misc;
pub mod storage;
pub mod strformat;
pub mod unicode;

use super::TypeSlots;
use crate::obj::layout::Kind;
use crate::vm::containers::{slice_adjust, SeqKey};
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "str",
    number_dunders: &["__add__", "__mul__", "__rmul__", "__mod__", "__rmod__"],
    len: Some(len),
    getitem: Some(getitem),
    contains: Some(contains),
    iter: Some(iter),
    repr: Some(repr),
    hash: Some(hash),
    truthy: Some(truthy),
    install: Some(install),
    ..TypeSlots::EMPTY
};

/// The methods and the constructor.
fn install(vm: &mut Vm) {
    methods::install(vm);
    codecs::install(vm);
}

fn len(vm: &mut Vm, s: Value) -> PyResult<usize> {
    Ok(vm.str_nchars(s))
}

fn truthy(vm: &mut Vm, s: Value) -> PyResult<bool> {
    Ok(!vm.str_of(s).is_empty())
}

fn iter(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let kind = if vm.str_of(s).is_ascii() {
        Kind::StrIter
    } else {
        Kind::StrUIter
    };
    vm.new_seq_iter(kind, s)
}

fn repr(vm: &mut Vm, s: Value) -> PyResult<String> {
    match crate::vm::repr::str_repr_checked(vm.str_of(s)) {
        Some(r) => Ok(r),
        None => Err(vm.memory_error()),
    }
}

/// The cached FNV hash (`Vm::str_hash`, which the dict code calls directly as its fast path).
fn hash(vm: &mut Vm, s: Value) -> PyResult<i64> {
    Ok(vm.str_hash(s))
}

fn getitem(vm: &mut Vm, o: Value, k: Value) -> PyResult<Value> {
    let (o, key) = vm.seq_key(o, k, "string")?;
    let ascii = vm.str_nchars(o) == vm.str_of(o).len();
    let n = vm.str_nchars(o);
    match key {
        SeqKey::Index(i) => {
            let i = vm.seq_pos(i, n, "string")?;
            if ascii {
                let b = vm.str_of(o).as_bytes()[i];
                return vm.new_str_filled(1, 1, |_, out| out[0] = b);
            }
            let c = vm.str_of(o).chars().nth(i).unwrap_or('\0');
            vm.new_str(c.encode_utf8(&mut [0; 4]))
        }
        SeqKey::Slice(raw) => {
            let s = slice_adjust(raw, n);
            if ascii && s.step == 1 {
                // ASCII char offsets are byte offsets: copied straight (or self, for all of it)
                let st = s.start as usize;
                return vm.str_substr(o, st..st + s.len);
            }
            if s.step == 1 {
                // a run of chars of non-ASCII text: one byte range
                let t = vm.str_of(o);
                let b0 = args::byte_at(t, false, s.start as usize);
                let b1 = b0 + args::byte_at(&t[b0..], false, s.len);
                return vm.str_substr(o, b0..b1);
            }
            let out: String = {
                let chars: Vec<char> = vm.str_of(o).chars().collect();
                (0..s.len)
                    .map(|j| chars[(s.start + j as i64 * s.step) as usize])
                    .collect()
            };
            vm.new_str(&out)
        }
    }
}

fn contains(vm: &mut Vm, s: Value, item: Value) -> PyResult<bool> {
    if !vm.is(item, Kind::Str) {
        let tn = vm.type_name(item);
        return Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {tn}"
        )));
    }
    Ok(vm.str_of(s).contains(vm.str_of(item)))
}
