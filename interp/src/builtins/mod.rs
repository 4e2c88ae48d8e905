//! Builtin functions, the methods of the builtin types, and the native modules (modules/). This layer
//! sits above the VM core: the core never names it; `crate::interpreter::standard_registry` registers
//! `install` and `modules::MODULES`. Formatting (format specs, `%`, float digits) is a core service in
//! `crate::format`.
//!
//! # Writing a native
//! Signature: `fn name(vm: &mut Vm, a: Args) -> PyResult<Value>`. Arguments live on the VM value stack:
//! `vm.arg(&a, i)` reads argument i (for methods, argument 0 is `self`; for a type's `__new__`
//! constructor, argument 0 is the type). `vm.npos(&a)` counts positional arguments, `vm.kwarg(&a, "key")`
//! gets a keyword argument, `vm.check_kwargs(&a, "fname", &["key"])` rejects unknown ones.
//! Register with `vm.add_builtin("len", f)`, `vm.add_method("str", "upper", f)` (by builtin type name),
//! constructors with `vm.add_method("int", "__new__", f)`.
//!
//! # GC rules (the heap moves objects; see vm/mod.rs)
//! - Every `&mut Vm` call that allocates or may call Python is a GC point: a `Value` read before it is
//!   stale after it. Re-read arguments with `vm.arg` after a GC point; keep other temporaries on the
//!   value stack (`let base = vm.sp(); vm.push(v); ... vm.at(base) ...; vm.truncate(base)`).
//! - Borrowed views (`vm.str_of`, `vm.bytes_of`, `vm.list_items`, `vm.tuple_items`, `vm.obj::<T>`) are
//!   valid only until the next `&mut` call: copy what you need (`.to_string()`, `.to_vec()`) first.
//!   A `Vec<Value>` copy is only safe while no GC point happens: push its items on the stack before
//!   allocating (that is what `new_tuple`/`new_list_from_stack` do).
//! - Stores into heap objects use the helpers (`list_set`, `dict_set`, ...), which apply the write barrier.
//!
//! # Useful VM API
//! Constructors: `new_str`, `new_int`, `new_bigint`, `new_int_from_u64`, `new_float`, `new_bytes`,
//! `new_bytearray`, `new_tuple(&[..])`, `new_tuple_from_stack(n)`, `new_list()`,
//! `new_list_from_stack(n)`, `new_dict()`, `new_dict_kind(Kind::Set)`, `new_seq_iter(Kind::ListIter, l)`, `new_enumerate(it, start)`,
//! `new_range`, `new_module`, `new_native`. Lists: `list_len`, `list_items`, `list_append_from_stack`,
//! `list_reserve` + `list_push_reserved`, `list_set`, `list_set_len`, `list_replace_from_stack`,
//! `list_extend(lslot, srcslot)`. Dicts/sets: `dict_get`, `dict_set`, `dict_del`, `dict_len`,
//! `dict_used` + `dict_entry(d, i)`, `dict_copy`, `dict_clear`, `set_add`, `set_update`,
//! `dict_update_from`, `set_binop`. Protocols: `call(f, &[..])`, `get_iter`, `next`, `to_list`,
//! `to_tuple`, `truthy`, `eq`, `compare(a, b, CmpOp)`, `hash`, `repr`, `repr_string`, `str_value`,
//! `str_string`, `len`, `getitem`, `setitem`, `contains`, `getattr_str`, `getattr_opt`, `setattr`,
//! `special(v, "__x__")`, `isinstance`, `type_of`, `type_name`, `builtin_type("ValueError")`.
//! Values: `vm.is(v, Kind::Str)`, `kind`, `to_i64`, `to_bigint`, `float_val`, `is_int`, `none()`,
//! `bool_val(b)`. Errors: `type_error`, `value_error`, `index_error`, `key_error(k)`, `overflow_error`,
//! `zero_div`, `raise("Name", msg)`: each returns the `Exc` marker to wrap in `Err`.

pub mod exec;
pub mod functions;
pub mod iter_types;
pub mod modules;
pub mod open;

use crate::vm::Vm;

/// Registers every builtin function and method (the standard registry's installer, run once at the
/// end of the bootstrap).
pub fn install(vm: &mut Vm) {
    functions::install(vm);
    iter_types::install(vm);
    exec::install(vm);
    open::install(vm);
    functions::install_dunder_format(vm);
}
