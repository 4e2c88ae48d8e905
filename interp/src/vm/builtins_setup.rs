//! Bootstrap: singletons, the builtin type objects (one per Kind plus `object`, `type` and the
//! exception hierarchy), the builtins namespace, and the core natives the VM itself relies on
//! (`__build_class__`, `object`, `super`, `property`, `staticmethod`, `classmethod`, BaseException).
//! Everything created here is allocated in the old generation and rooted by `roots.types`,
//! `roots.named` and `roots.builtins`.
//!
//! Registration API for the natives of the upper layers (run by the registry's installers, see
//! registry.rs): `add_builtin`, `add_method`, `add_type_attr`.

use super::{Args, Named, PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("InterruptedError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
];

pub(crate) fn kind_type_name(k: usize) -> &'static str {
    match k {
        x if x == Kind::NoneType as usize => "NoneType",
        x if x == Kind::Bool as usize => "bool",
        x if x == Kind::BigInt as usize => "int",
        x if x == Kind::Float as usize => "float",
        x if x == Kind::Str as usize => "str",
        x if x == Kind::Bytes as usize => "bytes",
        x if x == Kind::ByteArray as usize => "bytearray",
        x if x == Kind::Tuple as usize => "tuple",
        x if x == Kind::List as usize => "list",
        x if x == Kind::ValueArray as usize => "valuearray",
        x if x == Kind::Dict as usize => "dict",
        x if x == Kind::Set as usize => "set",
        x if x == Kind::FrozenSet as usize => "frozenset",
        x if x == Kind::Range as usize => "range",
        x if x == Kind::Slice as usize => "slice",
        x if x == Kind::Function as usize => "function",
        x if x == Kind::Native as usize => "builtin_function_or_method",
        x if x == Kind::BoundMethod as usize => "method",
        x if x == Kind::Code as usize => "code",
        x if x == Kind::Cell as usize => "cell",
        x if x == Kind::Type as usize => "type",
        x if x == Kind::Instance as usize => "object",
        x if x == Kind::Module as usize => "module",
        x if x == Kind::Generator as usize => "generator",
        x if x == Kind::ListIter as usize => "list_iterator",
        x if x == Kind::TupleIter as usize => "tuple_iterator",
        x if x == Kind::StrIter as usize => "str_ascii_iterator",
        x if x == Kind::StrUIter as usize => "str_iterator",
        x if x == Kind::BytesIter as usize => "bytes_iterator",
        x if x == Kind::ByteArrayIter as usize => "bytearray_iterator",
        x if x == Kind::SeqIter as usize => "iterator",
        x if x == Kind::RangeIter as usize => "range_iterator",
        x if x == Kind::DictKeyIter as usize => "dict_keyiterator",
        x if x == Kind::DictValueIter as usize => "dict_valueiterator",
        x if x == Kind::DictItemIter as usize => "dict_itemiterator",
        x if x == Kind::SetIter as usize => "set_iterator",
        x if x == Kind::DictKeys as usize => "dict_keys",
        x if x == Kind::DictValues as usize => "dict_values",
        x if x == Kind::DictItems as usize => "dict_items",
        x if x == Kind::Enumerate as usize => "enumerate",
        x if x == Kind::Zip as usize => "zip",
        x if x == Kind::Map as usize => "map",
        x if x == Kind::Filter as usize => "filter",
        x if x == Kind::Reversed as usize => "reversed",
        x if x == Kind::ListRevIter as usize => "list_reverseiterator",
        x if x == Kind::DictRevKeyIter as usize => "dict_reversekeyiterator",
        x if x == Kind::DictRevValueIter as usize => "dict_reversevalueiterator",
        x if x == Kind::DictRevItemIter as usize => "dict_reverseitemiterator",
        x if x == Kind::CallableIter as usize => "callable_iterator",
        x if x == Kind::Property as usize => "property",
        x if x == Kind::StaticMethod as usize => "staticmethod",
        x if x == Kind::ClassMethod as usize => "classmethod",
        x if x == Kind::Super as usize => "super",
        x if x == Kind::Ellipsis as usize => "ellipsis",
        x if x == Kind::NotImplemented as usize => "NotImplementedType",
        x if x == Kind::MemoryView as usize => "memoryview",
        x if x == Kind::Complex as usize => "complex",
        x if x == Kind::WeakRef as usize => "ReferenceType",
        x if x == Kind::Coroutine as usize => "coroutine",
        x if x == Kind::AsyncGenerator as usize => "async_generator",
        _ => "cdata",
    }
}

pub fn bootstrap(vm: &mut Vm) {
    // singletons
    let none = vm.alloc_old(Kind::NoneType, 0);
    vm.roots.named[Named::None as usize] = none;
    let t = vm.alloc_old(Kind::Bool, 0);
    // SAFETY: t was just allocated (old generation, never moves) as a Bool.
    unsafe { (*vm.payload::<BoolObj>(t)).value = 1 };
    vm.roots.named[Named::True as usize] = t;
    let f = vm.alloc_old(Kind::Bool, 0);
    vm.roots.named[Named::False as usize] = f;
    let e = vm.alloc_old(Kind::Ellipsis, 0);
    vm.roots.named[Named::Ellipsis as usize] = e;
    let ni = vm.alloc_old(Kind::NotImplemented, 0);
    vm.roots.named[Named::NotImplemented as usize] = ni;
    let et = vm.alloc_old(Kind::Tuple, 0);
    vm.roots.named[Named::EmptyTuple as usize] = et;
    let es = vm.alloc_old(Kind::Str, 0);
    vm.roots.named[Named::EmptyStr as usize] = es;

    // `object` first (it is the Instance kind's type), then one type per kind.
    let builtins_name = vm.intern("builtins");
    let mut types = Vec::new();
    for k in 0..NKINDS {
        let name = kind_type_name(k);
        let ty = make_type(vm, name, builtins_name);
        types.push(ty);
    }
    vm.roots.types = types;
    for k in 0..NKINDS {
        vm.type_names.insert(kind_type_name(k).to_string(), k);
    }
    let object = vm.roots.types[Kind::Instance as usize];
    // SAFETY: object is a builtin Type object in the old generation (never moves); no GC point here.
    unsafe { (*vm.payload::<TypeObj>(object)).flags |= TYPE_BASETYPE };
    // list, dict, str, set and bytearray can be subclassed in Python: their instances keep the
    // builtin's layout, with the class in a field of it
    for k in [
        Kind::List,
        Kind::Dict,
        Kind::Str,
        Kind::Set,
        Kind::ByteArray,
    ] {
        let t = vm.roots.types[k as usize];
        // SAFETY: t is a builtin Type object in the old generation (never moves); no GC point here.
        unsafe {
            (*vm.payload::<TypeObj>(t)).flags |= TYPE_BASETYPE;
            (*vm.payload::<TypeObj>(t)).inst_kind = k as u64;
        }
    }
    // the immutable builtins are subclassed through boxes (vm/boxed.rs)
    for t in vm.boxable_types() {
        // SAFETY: t is a builtin Type object in the old generation (never moves); no GC point here.
        unsafe { (*vm.payload::<TypeObj>(t)).flags |= TYPE_BASETYPE };
    }
    // MROs: every builtin type is (T, object); bool derives from int.
    let obj_mro = vm.old_tuple(&[object]);
    // SAFETY: old-generation type objects (alloc_old) never move, and alloc_old/intern/old_tuple are not GC
    // points; the stored values are old too, so no barrier is needed.
    unsafe {
        (*vm.payload::<TypeObj>(object)).mro = obj_mro;
        (*vm.payload::<TypeObj>(object)).bases = vm.named(Named::EmptyTuple);
    }
    let int_t = vm.roots.types[Kind::BigInt as usize];
    for k in 0..NKINDS {
        let t = vm.roots.types[k];
        if t == object {
            continue;
        }
        let (bases, mro) = if k == Kind::Bool as usize {
            (vm.old_tuple(&[int_t]), vm.old_tuple(&[t, int_t, object]))
        } else {
            (obj_mro, vm.old_tuple(&[t, object]))
        };
        // SAFETY: old-generation type objects (alloc_old) never move, and alloc_old/intern/old_tuple are
        // not GC points; the stored values are old too, so no barrier is needed.
        unsafe {
            (*vm.payload::<TypeObj>(t)).bases = bases;
            (*vm.payload::<TypeObj>(t)).mro = mro;
        }
        vm.heap.write_barrier(t);
    }
    // exceptions
    for (name, base) in EXCEPTIONS {
        let t = make_type(vm, name, builtins_name);
        let b = vm.builtin_type(base);
        let bmro: Vec<Value> = vm.tuple_items(vm.obj::<TypeObj>(b).mro).to_vec();
        let mut mro = vec![t];
        mro.extend(bmro);
        let bases = vm.old_tuple(&[b]);
        let mro = vm.old_tuple(&mro);
        // SAFETY: old-generation type objects (alloc_old) never move, and alloc_old/intern/old_tuple are
        // not GC points; the stored values are old too, so no barrier is needed.
        unsafe {
            let p = vm.payload::<TypeObj>(t);
            (*p).bases = bases;
            (*p).mro = mro;
            (*p).flags |= TYPE_EXCEPTION | TYPE_BASETYPE;
        }
        vm.heap.write_barrier(t);
        vm.roots.types.push(t);
        vm.type_names
            .insert(name.to_string(), vm.roots.types.len() - 1);
    }
    // builtins namespace
    let b = vm.alloc_old(Kind::Dict, 0);
    vm.roots.builtins = b;
    let modules = vm.alloc_old(Kind::Dict, 0);
    vm.roots.modules = modules;
    let public = [
        "int",
        "float",
        "str",
        "bytes",
        "bytearray",
        "tuple",
        "list",
        "dict",
        "set",
        "frozenset",
        "range",
        "slice",
        "type",
        "object",
        "bool",
        "property",
        "staticmethod",
        "classmethod",
        "super",
        "memoryview",
        "complex",
    ];
    for name in public {
        let t = vm.builtin_type(name);
        let k = vm.intern(name);
        vm.dict_set(b, k, t).unwrap();
    }
    for (name, _) in EXCEPTIONS {
        let t = vm.builtin_type(name);
        let k = vm.intern(name);
        vm.dict_set(b, k, t).unwrap();
    }
    vm.install_os_error_aliases();
    let k = vm.intern("Ellipsis");
    vm.dict_set(b, k, e).unwrap();
    let k = vm.intern("NotImplemented");
    vm.dict_set(b, k, ni).unwrap();
    // minipy has no -O: __debug__ is always True
    let (k, t) = (vm.intern("__debug__"), vm.bool_val(true));
    vm.dict_set(b, k, t).unwrap();

    vm.add_builtin("__build_class__", build_class);
    vm.add_method("object", "__init__", object_init);
    vm.add_method("object", "__new__", object_new);
    vm.add_method("object", "__repr__", object_repr);
    vm.add_method("object", "__str__", object_str);
    vm.add_method("object", "__setattr__", object_setattr);
    vm.add_method("object", "__delattr__", object_delattr);
    vm.add_method("object", "__eq__", object_eq);
    vm.add_method("object", "__ne__", object_ne);
    vm.add_method("object", "__hash__", object_hash);
    vm.add_method("object", "__getattribute__", object_getattribute);
    crate::objects::args::add_classmethod(vm, "object", "__init_subclass__", object_init_subclass);
    vm.add_method("BaseException", "__init__", exc_init);
    vm.add_method("BaseException", "with_traceback", exc_with_traceback);
    // ImportError's attributes when not given (vm/call.rs import_error_attrs sets them).
    for attr in ["name", "path", "msg"] {
        let t = vm.builtin_type("ImportError");
        let d = vm.obj::<TypeObj>(t).dict;
        let k = vm.intern(attr);
        let none = vm.none();
        vm.dict_set(d, k, none).unwrap();
    }
    vm.add_method("super", "__new__", super_new);
    vm.add_method("property", "__new__", property_new);
    vm.add_method("property", "setter", property_setter);
    vm.add_method("property", "getter", property_getter);
    vm.add_method("property", "deleter", property_deleter);
    vm.add_method("staticmethod", "__new__", staticmethod_new);
    vm.add_method("classmethod", "__new__", classmethod_new);
    vm.add_method("type", "__new__", type_new);
    vm.add_method("type", "mro", type_mro);
    super::metaclass::install(vm);
    vm.add_method("list", "__init__", list_init);
    vm.add_method("list", "__repr__", container_repr_native);
    vm.add_method("list", "__iter__", builtin_iter_native);
    vm.add_method("dict", "__iter__", builtin_iter_native);
    vm.add_method("dict", "__repr__", container_repr_native);
    vm.add_method("str", "__repr__", str_repr_native);
    crate::objects::install(vm);
    // The embedding's installers (the builtin functions and methods): they need every core type.
    let installers = vm.registry.installers().to_vec();
    for install in installers {
        install(vm);
    }
    crate::objects::slot_wrappers::install_all(vm);
}

fn make_type(vm: &mut Vm, name: &str, module: Value) -> Value {
    let t = vm.alloc_old(Kind::Type, 0);
    let n = vm.intern(name);
    let d = vm.alloc_old(Kind::Dict, 0);
    // SAFETY: t and d were just allocated with alloc_old (never move), n is interned (old); no GC point
    // before the stores.
    unsafe {
        let p = vm.payload::<TypeObj>(t);
        (*p).name = n;
        (*p).qualname = n;
        (*p).dict = d;
        (*p).module = module;
        (*p).inst_kind = Kind::Instance as u64;
        (*p).flags = TYPE_BUILTIN;
    }
    vm.heap.write_barrier(t);
    t
}

impl Vm {
    /// A new builtin class (old generation, rooted forever) whose instances are `Kind::Foreign`
    /// objects or `Instance`s: e.g. the cffi module's cdata, ctype and lib types. MRO (t, object).
    pub fn new_native_type(&mut self, name: &str, module: &str) -> Value {
        let m = self.intern(module);
        let t = make_type(self, name, m);
        let object = self.builtin_type("object");
        let bases = self.old_tuple(&[object]);
        let mro = self.old_tuple(&[t, object]);
        // SAFETY: old-generation type objects (alloc_old) never move, and alloc_old/intern/old_tuple are
        // not GC points; the stored values are old too, so no barrier is needed.
        unsafe {
            let p = self.payload::<TypeObj>(t);
            (*p).bases = bases;
            (*p).mro = mro;
            (*p).inst_kind = Kind::Foreign as u64;
        }
        self.heap.write_barrier(t);
        self.roots.types.push(t);
        self.type_names
            .insert(format!("{module}.{name}"), self.roots.types.len() - 1);
        t
    }

    /// Registers a native method on a type object.
    pub fn add_native_method(&mut self, t: Value, name: &str, f: NativeFn) {
        self.push(t);
        let n = self.new_native_old(name, f);
        let t = self.pop();
        self.add_type_attr(t, name, n);
    }

    fn new_native_old(&mut self, name: &str, f: NativeFn) -> Value {
        let n = self.alloc_old(Kind::Native, 0);
        let nm = self.intern(name);
        // SAFETY: n was just allocated with alloc_old as a Native (zeroed payload, nothing to drop), nm is
        // interned (old); no GC point before the write, the barrier follows.
        unsafe {
            let p = self.payload::<NativeObj>(n);
            std::ptr::write(
                p,
                NativeObj {
                    f,
                    name: nm,
                    bound: Value::NULL,
                    qualname: nm,
                    owner: Value::NULL,
                    arity: 0,
                },
            );
        }
        self.heap.write_barrier(n);
        n
    }

    /// Marks an old native as a plain function: like CPython's builtin functions it is no descriptor,
    /// so a class attribute holding it does not bind (`arity` is only read for methods with an owner).
    fn mark_function(&mut self, n: Value) {
        // SAFETY: n is an old Native (never moves); a scalar store needs no barrier.
        unsafe { (*self.payload::<NativeObj>(n)).arity = NATIVE_FUNCTION };
    }

    /// Registers a builtin function.
    pub fn add_builtin(&mut self, name: &str, f: NativeFn) {
        let n = self.new_native_old(name, f);
        self.mark_function(n);
        let k = self.intern(name);
        let b = self.roots.builtins;
        self.dict_set(b, k, n).unwrap();
    }

    /// Binds the builtins name `name` to the builtin type of that name (types whose constructor the
    /// builtins layer registers: `map`, `zip`...).
    pub fn add_builtin_type(&mut self, name: &str) {
        let t = self.builtin_type(name);
        let k = self.intern(name);
        let b = self.roots.builtins;
        self.dict_set(b, k, t).unwrap();
    }

    /// Registers a method (or `__new__` constructor) on a builtin type, by type name. A method
    /// records its type (unbound calls check `self`) and, for a slot dunder, its argument count.
    pub fn add_method(&mut self, tname: &str, name: &str, f: NativeFn) {
        let n = self.new_native_old(name, f);
        let t = self.builtin_type(tname);
        if name != "__new__" {
            // SAFETY: n is an old Native just made (never moves) and t an old type object; no GC
            // point between the reads and the stores, and the barrier follows.
            unsafe {
                let p = self.payload::<NativeObj>(n);
                (*p).owner = t;
                (*p).arity = dunder_arity(name).map_or(0, |k| k as u64 + 1);
            }
            self.heap.write_barrier(n);
        }
        self.add_type_attr(t, name, n);
    }

    pub fn add_type_attr(&mut self, t: Value, name: &str, v: Value) {
        let d = self.obj::<TypeObj>(t).dict;
        let k = self.intern(name);
        self.dict_set(d, k, v).unwrap();
    }

    /// A native function object (young) bound to nothing.
    pub fn new_native(&mut self, name: &str, f: NativeFn, bound: Value) -> PyResult<Value> {
        self.push(bound);
        let n = self.alloc(Kind::Native, 0)?;
        let bound = self.pop();
        let nm = self.intern(name);
        // SAFETY: n was just allocated as a Native (zeroed, nothing to drop) and bound re-popped after that
        // allocation; intern only allocates in the old generation (no GC point) before the write.
        unsafe {
            std::ptr::write(
                self.payload::<NativeObj>(n),
                NativeObj {
                    f,
                    name: nm,
                    bound,
                    qualname: nm,
                    owner: Value::NULL,
                    arity: 0,
                },
            )
        };
        Ok(n)
    }

    /// A new module object with its own globals dict.
    pub fn new_module(&mut self, name: &str) -> PyResult<Value> {
        let m = self.alloc(Kind::Module, 0)?;
        self.push(m);
        let d = self.new_dict()?;
        let m = self.pop();
        let n = self.intern(name);
        // SAFETY: m and d were re-read after the last allocation (intern is not a GC point); the barrier on
        // m follows the stores.
        unsafe {
            let p = self.payload::<ModuleObj>(m);
            (*p).name = n;
            (*p).dict = d;
        }
        self.heap.write_barrier(m);
        self.push(m);
        let k = self.intern("__name__");
        self.dict_set(d, k, n)?;
        Ok(self.pop())
    }

    /// Sets a module attribute (name given as Rust str).
    pub fn module_set(&mut self, m: Value, name: &str, v: Value) -> PyResult<()> {
        let d = self.obj::<ModuleObj>(m).dict;
        let k = self.intern(name);
        self.dict_set(d, k, v)
    }

    /// Adds a native function to a module.
    pub fn module_add_fn(&mut self, m: Value, name: &str, f: NativeFn) -> PyResult<()> {
        self.push(m);
        let n = self.new_native_old(name, f);
        self.mark_function(n);
        let m = self.pop();
        self.module_set(m, name, n)
    }
}

// ---- core natives ------------------------------------------------------------------------------

/// __build_class__(func, name, *bases, **kw)
fn build_class(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = vm.npos(&a);
    if npos < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    if !vm.is(vm.arg(&a, 0), Kind::Function) {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    if !vm.is(vm.arg(&a, 1), Kind::Str) {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    if let Some(t) = super::metaclass::build_class_general(vm, &a)? {
        return Ok(t);
    }
    let base = vm.sp();
    // [ns, bases]
    let nb = npos - 2;
    for i in 0..nb {
        vm.push(vm.arg(&a, 2 + i));
    }
    let bases = vm.new_tuple_from_stack(nb)?;
    vm.push(bases);
    let ns = vm.new_dict()?;
    vm.push(ns);
    let func = vm.arg(&a, 0);
    let globals = vm.obj::<FunctionObj>(func).globals;
    let k = vm.intern("__name__");
    if let Some(m) = vm.dict_get_str(globals, k) {
        let k = vm.intern("__module__");
        vm.dict_set(ns, k, m)?;
    }
    let func = vm.arg(&a, 0); // re-read: dict_set was a GC point
    let code = vm.obj::<FunctionObj>(func).code;
    let qual = vm.code_data(code).qualname.clone();
    let qv = vm.new_str(&qual)?;
    let k = vm.intern("__qualname__");
    let ns = vm.at(base + 1);
    vm.dict_set(ns, k, qv)?;
    // run the body with ns as its locals
    let fslot = vm.sp();
    vm.push(vm.arg(&a, 0));
    match vm.prepare_call(fslot, 0, Value::NULL, true)? {
        super::call::Prepared::Frame => {
            vm.roots.frames.last_mut().unwrap().locals = vm.at(base + 1);
            vm.native_depth += 1;
            let r = vm.run_frames();
            vm.native_depth -= 1;
            let cell = r?;
            vm.push(cell);
        }
        super::call::Prepared::Done(v) => vm.push(v),
    }
    let cell_slot = vm.sp() - 1;
    let name_slot = a.base + 1;
    let t = vm.new_class(name_slot, base, base + 1)?;
    let cell = vm.at(cell_slot);
    if vm.is(cell, Kind::Cell) {
        // SAFETY: cell was re-read from the stack after new_class (the last GC point) and checked to be a
        // Cell; the barrier follows the store.
        unsafe { (*vm.payload::<CellObj>(cell)).value = t };
        vm.heap.write_barrier(cell);
    }
    vm.push(t);
    let tslot = vm.sp() - 1;
    class_created_hooks(vm, tslot, &a)?;
    let t = vm.at(tslot);
    vm.truncate(base);
    Ok(t)
}

/// After a class statement made the class at stack slot `tslot`: `__set_name__(owner, name)` on
/// each attribute that defines it (over a copy of the namespace, as CPython), then the parent's
/// `__init_subclass__(cls, **kw)` with the class statement's keywords.
pub(super) fn class_created_hooks(vm: &mut Vm, tslot: usize, a: &Args) -> PyResult<()> {
    let d = vm.obj::<TypeObj>(vm.at(tslot)).dict;
    let copy = vm.dict_copy(d, Kind::Dict)?;
    vm.push(copy);
    let cslot = vm.sp() - 1;
    for i in 0..vm.dict_used(vm.at(cslot)) {
        let Some((k, v)) = vm.dict_entry(vm.at(cslot), i) else {
            continue;
        };
        if !vm.is(v, Kind::Instance) {
            continue;
        }
        if let Some(f) = vm.special(v, "__set_name__") {
            let t = vm.at(tslot);
            vm.call(f, &[v, t, k])?;
        }
    }
    vm.truncate(cslot);
    // The first class after this one in the MRO that defines __init_subclass__.
    let mro = vm.obj::<TypeObj>(vm.at(tslot)).mro;
    let n = vm.tuple_items(mro).len();
    let k = vm.intern("__init_subclass__");
    let mut hook = None;
    for i in 1..n {
        let mro = vm.obj::<TypeObj>(vm.at(tslot)).mro;
        let c = vm.tuple_items(mro)[i];
        let cd = vm.obj::<TypeObj>(c).dict;
        if let Some(f) = vm.dict_get_str(cd, k) {
            hook = Some(f);
            break;
        }
    }
    let nkw = if a.kwnames.is_null() {
        0
    } else {
        vm.tuple_items(a.kwnames).len()
    };
    let has_metaclass = (0..nkw).any(|j| vm.str_of(vm.tuple_items(a.kwnames)[j]) == "metaclass");
    let nkw = if has_metaclass { 0 } else { nkw };
    let f = match hook {
        Some(f) if vm.is(f, Kind::ClassMethod) => vm.obj::<WrapperObj>(f).func,
        Some(f) if vm.is(f, Kind::Function) || vm.is(f, Kind::Native) => f,
        _ => {
            if nkw > 0 {
                let t = vm.at(tslot);
                let tn = vm.str_of(vm.obj::<TypeObj>(t).qualname).to_string();
                return Err(vm.type_error(format!(
                    "{tn}.__init_subclass__() takes no keyword arguments"
                )));
            }
            return Ok(());
        }
    };
    let fslot = vm.sp();
    vm.push(f);
    vm.push(vm.at(tslot));
    let kbase = a.base + a.n - nkw;
    for j in 0..nkw {
        vm.push(vm.at(kbase + j));
    }
    let kwnames = if nkw > 0 { a.kwnames } else { Value::NULL };
    vm.call_slot(fslot, 1 + nkw, kwnames)?;
    vm.truncate(fslot);
    Ok(())
}

fn object_init(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(_vm.none())
}

fn object_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n == 0 || !vm.is(vm.arg(&a, 0), Kind::Type) {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    }
    let cls = vm.arg(&a, 0);
    let t = vm.obj::<TypeObj>(cls);
    if t.flags & TYPE_BUILTIN != 0
        && cls != vm.builtin_type("object")
        && t.flags & TYPE_EXCEPTION == 0
    {
        let n = vm.str_of(t.name).to_string();
        return Err(vm.type_error(format!(
            "object.__new__({n}) is not safe, use {n}.__new__()"
        )));
    }
    vm.object_new(cls)
}

fn object_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    let s = vm.default_repr(v)?;
    vm.new_str(&s)
}

fn object_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    vm.repr(v)
}

fn object_setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 3 {
        return Err(vm.type_error("__setattr__ expected 2 arguments"));
    }
    if !vm.is(vm.arg(&a, 1), Kind::Str) {
        let tn = vm.type_name(vm.arg(&a, 1));
        return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
    }
    let obj = vm.arg(&a, 0);
    if vm.is(vm.arg(&a, 1), Kind::Str) && vm.str_of(vm.arg(&a, 1)) == "__class__" {
        vm.set_class(obj, vm.arg(&a, 2))?;
        return Ok(vm.none());
    }
    match vm.instance_dict_mat(obj)? {
        Some(d) => {
            vm.dict_set(d, vm.arg(&a, 1), vm.arg(&a, 2))?;
            Ok(vm.none())
        }
        None => Err(vm.type_error("object has no __dict__")),
    }
}

/// object.__delattr__(obj, name): removes name from obj's __dict__ (the end of a Python
/// `__delattr__`'s `super().__delattr__(name)`).
fn object_delattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 2 {
        let got = a.n.saturating_sub(1);
        return Err(vm.type_error(format!("expected 1 argument, got {got}")));
    }
    let name = vm.arg(&a, 1);
    if !vm.is(name, Kind::Str) {
        let tn = vm.type_name(name);
        return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
    }
    let obj = vm.arg(&a, 0);
    let Some(d) = vm.instance_dict_mat(obj)? else {
        let (obj, name) = (vm.arg(&a, 0), vm.arg(&a, 1));
        return Err(vm.attr_error(obj, name));
    };
    match vm.dict_del(d, vm.arg(&a, 1))? {
        Some(_) => Ok(vm.none()),
        None => {
            let (obj, name) = (vm.arg(&a, 0), vm.arg(&a, 1));
            Err(vm.attr_error(obj, name))
        }
    }
}

/// object.__init_subclass__(cls): the end of the `super().__init_subclass__(**kw)` chain, which
/// accepts no keywords.
fn object_init_subclass(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = vm.arg(&a, 0);
    let name = if vm.is(cls, Kind::Type) {
        vm.str_of(vm.obj::<TypeObj>(cls).qualname).to_string()
    } else {
        vm.type_name(cls)
    };
    if !a.kwnames.is_null() && !vm.tuple_items(a.kwnames).is_empty() {
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if vm.npos(&a) > 1 {
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no arguments ({} given)",
            vm.npos(&a) - 1
        )));
    }
    Ok(vm.none())
}

fn object_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if vm.arg(&a, 0) == vm.arg(&a, 1) {
        Ok(vm.bool_val(true))
    } else {
        Ok(vm.named(Named::NotImplemented))
    }
}

fn object_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = (vm.arg(&a, 0), vm.arg(&a, 1));
    if let Some(eq) = vm.special(x, "__eq__") {
        if vm.is(eq, Kind::Function) {
            let r = vm.call(eq, &[x, y])?;
            if r == vm.named(Named::NotImplemented) {
                return Ok(r);
            }
            let t = vm.truthy(r)?;
            return Ok(vm.bool_val(!t));
        }
    }
    Ok(vm.bool_val(x != y))
}

/// object.__getattribute__(obj, name): the generic attribute lookup.
fn object_getattribute(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 2 {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            a.n.saturating_sub(1)
        )));
    }
    let (obj, name) = (vm.arg(&a, 0), vm.arg(&a, 1));
    if !vm.is(name, Kind::Str) {
        let tn = vm.type_name(name);
        return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
    }
    vm.object_getattribute(obj, name)
}

fn object_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    let h = vm.identity_hash(v);
    vm.new_int(h)
}

fn exc_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = vm.npos(&a);
    for i in 1..n {
        vm.push(vm.arg(&a, i));
    }
    let t = vm.new_tuple_from_stack(n - 1)?;
    let e = vm.arg(&a, 0);
    if let Some(d) = vm.instance_dict(e) {
        let k = vm.intern("args");
        vm.dict_set(d, k, t)?;
    }
    Ok(vm.none())
}

fn exc_with_traceback(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 2 {
        return Err(vm.type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({} given)",
            a.n - 1
        )));
    }
    vm.set_traceback(vm.arg(&a, 0), vm.arg(&a, 1))?;
    Ok(vm.arg(&a, 0))
}

/// super() / super(type, obj)
fn super_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (typ, obj) = if a.n >= 2 {
        let (typ, obj) = (
            vm.arg(&a, 1),
            if a.n >= 3 { vm.arg(&a, 2) } else { Value::NULL },
        );
        if !vm.is(typ, Kind::Type) {
            let tn = vm.type_name(typ);
            return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
        }
        if !obj.is_null() {
            let ot = vm.type_of(obj);
            let ok = vm.is_subtype(ot, typ) || (vm.is(obj, Kind::Type) && vm.is_subtype(obj, typ));
            if !ok {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
        }
        (typ, obj)
    } else {
        // zero-argument form: the calling frame's first argument and its __class__ cell
        let Some(f) = vm.roots.frames.last().copied() else {
            return Err(vm.raise("RuntimeError", "super(): no arguments"));
        };
        let cd = vm.code_data(f.code);
        let Some(j) = cd.freevars.iter().position(|n| n == "__class__") else {
            return Err(vm.raise("RuntimeError", "super(): __class__ cell not found"));
        };
        if cd.argcount == 0 && !cd.has_varargs {
            return Err(vm.raise("RuntimeError", "super(): no arguments"));
        }
        let cell = vm.at(f.base + cd.nlocals + cd.cellvars.len() + j);
        let mut first = vm.at(f.base);
        // the first argument may live in a cell
        if let Some((ci, _)) = cd.cell2arg.iter().find(|(_, arg)| *arg == 0) {
            let c = vm.at(f.base + cd.nlocals + *ci as usize);
            first = vm.obj::<CellObj>(c).value;
        }
        (vm.obj::<CellObj>(cell).value, first)
    };
    if typ.is_null() || !vm.is(typ, Kind::Type) {
        return Err(vm.raise("RuntimeError", "super(): __class__ cell not found"));
    }
    let base = vm.sp();
    vm.push(typ);
    vm.push(obj);
    let s = vm.alloc(Kind::Super, 0)?;
    // SAFETY: s was just allocated as a Super; typ and obj are read from the stack after that allocation;
    // no GC point before the stores.
    unsafe {
        let p = vm.payload::<SuperObj>(s);
        (*p).typ = vm.at(base);
        (*p).obj = vm.at(base + 1);
    }
    vm.truncate(base);
    Ok(s)
}

fn property_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = vm.alloc(Kind::Property, 0)?;
    let none = vm.none();
    let get = |vm: &Vm, i: usize, name: &str| -> Value {
        if i < vm.npos(&a) {
            vm.arg(&a, i)
        } else {
            vm.kwarg(&a, name).unwrap_or(none)
        }
    };
    let (g, s, d, doc) = (
        get(vm, 1, "fget"),
        get(vm, 2, "fset"),
        get(vm, 3, "fdel"),
        get(vm, 4, "doc"),
    );
    // SAFETY: p was just allocated as a Property and the field values were read from the arguments after
    // that allocation (get and kwarg do not allocate); no GC point before the stores.
    unsafe {
        let pp = vm.payload::<PropertyObj>(p);
        (*pp).fget = g;
        (*pp).fset = s;
        (*pp).fdel = d;
        (*pp).doc = doc;
    }
    Ok(p)
}

fn property_copy(vm: &mut Vm, a: Args, which: usize) -> PyResult<Value> {
    let name = ["getter", "setter", "deleter"][which];
    crate::objects::args::check_method(
        vm,
        &a,
        "property",
        name,
        &[Kind::Property],
        crate::objects::args::Arity::One,
    )?;
    let p = vm.alloc(Kind::Property, 0)?;
    let (old, f) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let o = vm.obj::<PropertyObj>(old);
    let mut fields = [o.fget, o.fset, o.fdel, o.doc];
    fields[which] = f;
    // SAFETY: p was just allocated as a Property and the fields were read from the arguments after that
    // allocation; no GC point before the stores.
    unsafe {
        let pp = vm.payload::<PropertyObj>(p);
        (*pp).fget = fields[0];
        (*pp).fset = fields[1];
        (*pp).fdel = fields[2];
        (*pp).doc = fields[3];
    }
    Ok(p)
}

fn property_getter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    property_copy(vm, a, 0)
}
fn property_setter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    property_copy(vm, a, 1)
}
fn property_deleter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    property_copy(vm, a, 2)
}

fn wrapper_new(vm: &mut Vm, a: Args, k: Kind) -> PyResult<Value> {
    if a.n != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let w = vm.alloc(k, 0)?;
    let f = vm.arg(&a, 1);
    // SAFETY: w was just allocated as a StaticMethod/ClassMethod (WrapperObj layout) and f read after that
    // allocation; no GC point before the store.
    unsafe { (*vm.payload::<WrapperObj>(w)).func = f };
    Ok(w)
}
fn staticmethod_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wrapper_new(vm, a, Kind::StaticMethod)
}
fn classmethod_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    wrapper_new(vm, a, Kind::ClassMethod)
}

/// type(x) or type(name, bases, dict)
fn type_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match (vm.npos(&a), a.kwnames.is_null()) {
        (2, true) => {
            let v = vm.arg(&a, 1);
            Ok(vm.type_of(v))
        }
        (4, _) => super::metaclass::type_new3(vm, a),
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn type_mro(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = vm.arg(&a, 0);
    let m = vm.obj::<TypeObj>(t).mro;
    vm.to_list(m)
}

/// list.__init__(self, iterable=()): refills the list (used by subclasses, e.g. through super()).
fn list_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = vm.npos(&a);
    if n > 2 || !a.kwnames.is_null() {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", a.n - 1)));
    }
    let l = vm.arg(&a, 0);
    vm.list_set_len(l, 0);
    if n == 2 {
        vm.list_extend(a.base, a.base + 1)?;
    }
    Ok(vm.none())
}

/// list.__repr__ / dict.__repr__: the builtin rendering, reachable from subclasses through super().
fn container_repr_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    if !(vm.is(v, Kind::List) || vm.is(v, Kind::Dict)) {
        return Err(vm.type_error("descriptor '__repr__' requires a 'list' or 'dict' object"));
    }
    let s = vm.container_repr(v)?;
    vm.new_str(&s)
}

/// list.__iter__ / dict.__iter__: the builtin iterator, even on a subclass that overrides __iter__.
fn builtin_iter_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    if vm.is(v, Kind::List) {
        return vm.new_seq_iter(Kind::ListIter, v);
    }
    if vm.is(v, Kind::Dict) {
        return vm.new_dict_iter(Kind::DictKeyIter, v);
    }
    Err(vm.type_error("descriptor '__iter__' requires a 'list' or 'dict' object"))
}

/// str.__repr__: the builtin rendering, reachable from str subclasses through super().
fn str_repr_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    if !vm.is(v, Kind::Str) {
        return Err(vm.type_error("descriptor '__repr__' requires a 'str' object"));
    }
    let s = super::repr::str_repr(vm.str_of(v));
    vm.new_str(&s)
}

/// The number of arguments after `self` that a slot dunder takes (CPython's slot wrappers check it
/// before the slot runs: "expected 1 argument, got 0"); None for other names.
pub fn dunder_arity(name: &str) -> Option<usize> {
    Some(match name {
        "__repr__" | "__str__" | "__hash__" | "__len__" | "__iter__" | "__next__" | "__bool__"
        | "__neg__" | "__pos__" | "__abs__" | "__invert__" | "__int__" | "__float__"
        | "__index__" | "__del__" => 0,
        "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" | "__add__"
        | "__radd__" | "__sub__" | "__rsub__" | "__mul__" | "__rmul__" | "__truediv__"
        | "__rtruediv__" | "__floordiv__" | "__rfloordiv__" | "__mod__" | "__rmod__"
        | "__divmod__" | "__rdivmod__" | "__lshift__" | "__rlshift__" | "__rshift__"
        | "__rrshift__" | "__and__" | "__rand__" | "__or__" | "__ror__" | "__xor__"
        | "__rxor__" | "__iadd__" | "__isub__" | "__imul__" | "__contains__" | "__delitem__"
        | "__getattribute__" | "__delattr__" | "__rpow__" => 1,
        "__setitem__" | "__setattr__" => 2,
        _ => return None,
    })
}
