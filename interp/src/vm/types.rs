//! Types and attributes: type_of, subtype checks, MRO (C3), class creation, getattr/setattr/delattr
//! with descriptors (functions become bound methods, property, staticmethod, classmethod).

use super::{PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

impl Vm {
    /// The Python type object of any value.
    #[inline]
    pub fn type_of(&self, v: Value) -> Value {
        if v.is_int() {
            return self.roots.types[Kind::BigInt as usize];
        }
        let k = self.kind(v);
        match k {
            Kind::Instance => self.obj::<InstanceObj>(v).cls,
            Kind::Foreign => self.obj::<ForeignObj>(v).cls,
            Kind::Type => {
                let m = self.obj::<TypeObj>(v).meta;
                if m.is_null() {
                    self.roots.types[Kind::Type as usize]
                } else {
                    m
                }
            }
            Kind::Str => {
                let c = self.obj::<StrObj>(v).cls;
                if c.is_null() {
                    self.roots.types[Kind::Str as usize]
                } else {
                    c
                }
            }
            Kind::List => {
                let c = self.obj::<ListObj>(v).cls;
                if c.is_null() {
                    self.roots.types[Kind::List as usize]
                } else {
                    c
                }
            }
            Kind::Dict | Kind::Set => {
                let c = self.obj::<DictObj>(v).cls;
                if c.is_null() {
                    self.roots.types[k as usize]
                } else {
                    c
                }
            }
            Kind::ByteArray => {
                let c = self.obj::<ByteArrayObj>(v).cls;
                if c.is_null() {
                    self.roots.types[Kind::ByteArray as usize]
                } else {
                    c
                }
            }
            _ => self.roots.types[k as usize],
        }
    }

    /// How CPython's argument checks name a bad argument ("must be str, not None"): None itself,
    /// any other value by its type name.
    pub fn arg_type_name(&self, v: Value) -> String {
        if v == self.none() {
            "None".to_string()
        } else {
            self.type_name(v)
        }
    }

    pub fn type_name(&self, v: Value) -> String {
        let t = self.type_of(v);
        self.str_of(self.obj::<TypeObj>(t).name).to_string()
    }

    /// Is type `a` a subtype of type `b`?
    pub fn is_subtype(&self, a: Value, b: Value) -> bool {
        if a == b {
            return true;
        }
        let mro = self.obj::<TypeObj>(a).mro;
        if mro.is_null() {
            return false;
        }
        self.tuple_items(mro).contains(&b)
    }

    pub fn isinstance(&self, v: Value, t: Value) -> bool {
        let vt = self.type_of(v);
        self.is_subtype(vt, t)
    }

    /// Finds `name` (a str) in the dicts along type `t`'s MRO. No Python calls.
    pub fn lookup_type(&mut self, t: Value, name: Value) -> Option<Value> {
        let mro = self.obj::<TypeObj>(t).mro;
        if mro.is_null() {
            let d = self.obj::<TypeObj>(t).dict;
            return self.dict_get_str(d, name);
        }
        let n = self.tuple_items(mro).len();
        for i in 0..n {
            let c = self.tuple_items(mro)[i];
            let d = self.obj::<TypeObj>(c).dict;
            if let Some(v) = self.dict_get_str(d, name) {
                return Some(v);
            }
        }
        None
    }

    pub fn lookup_type_str(&mut self, t: Value, name: &str) -> Option<Value> {
        let n = self.intern(name);
        self.lookup_type(t, n)
    }

    /// Looks up a special method on the type of `v` (never the instance dict).
    pub fn special(&mut self, v: Value, name: &str) -> Option<Value> {
        let t = self.type_of(v);
        self.lookup_type_str(t, name)
    }

    /// The Python subclass a str, list, dict, set or bytearray is an instance of (those kinds keep
    /// their own layout with a class field); null for a plain one and for every other value.
    #[inline]
    pub fn py_subclass_of(&self, v: Value) -> Value {
        if !v.is_ptr() {
            return Value::NULL;
        }
        match self.kind(v) {
            Kind::Str => self.obj::<StrObj>(v).cls,
            Kind::List => self.obj::<ListObj>(v).cls,
            Kind::Dict | Kind::Set => self.obj::<DictObj>(v).cls,
            Kind::ByteArray => self.obj::<ByteArrayObj>(v).cls,
            _ => Value::NULL,
        }
    }

    /// Is `v` an instance of a Python subclass of str, list, dict, set or bytearray (a builtin kind
    /// with a class)?
    #[inline]
    pub fn is_py_subclass(&self, v: Value) -> bool {
        !self.py_subclass_of(v).is_null()
    }

    /// A Python-level override of special method `name` on an instance of a subclass of
    /// str/list/dict/set/bytearray (the VM's fast paths for those kinds must defer to it).
    pub fn subclass_override(&mut self, v: Value, name: &str) -> Option<Value> {
        let cls = self.py_subclass_of(v);
        if cls.is_null() {
            return None;
        }
        let f = self.lookup_type_str(cls, name)?;
        if self.is(f, Kind::Function) {
            Some(f)
        } else {
            None
        }
    }

    /// The instance dict of an object, if it has one.
    pub fn instance_dict(&self, v: Value) -> Option<Value> {
        if !v.is_ptr() {
            return None;
        }
        let d = match self.kind(v) {
            Kind::Instance => self.obj::<InstanceObj>(v).dict,
            Kind::Module => self.obj::<ModuleObj>(v).dict,
            Kind::Function => self.obj::<FunctionObj>(v).dict,
            Kind::List => self.obj::<ListObj>(v).attrs,
            Kind::Dict | Kind::Set => self.obj::<DictObj>(v).attrs,
            Kind::ByteArray => self.obj::<ByteArrayObj>(v).attrs,
            _ => return None,
        };
        if d.is_null() {
            None
        } else {
            Some(d)
        }
    }

    /// Calls special method `f`, found on the type of `args[0]`, with `args` (self first). A
    /// staticmethod or classmethod there gets the arguments without self, or with self's type.
    pub fn call_special(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        if f.is_ptr() && !args.is_empty() {
            match self.kind(f) {
                Kind::StaticMethod => {
                    let g = self.obj::<WrapperObj>(f).func;
                    return self.call(g, &args[1..]);
                }
                Kind::ClassMethod => {
                    let g = self.obj::<WrapperObj>(f).func;
                    let mut with_type = vec![self.type_of(args[0])];
                    with_type.extend_from_slice(&args[1..]);
                    return self.call(g, &with_type);
                }
                _ => {}
            }
        }
        self.call(f, args)
    }

    /// Is attribute name `name` "__new__"? A class's `__new__` function is an implicit staticmethod
    /// (CPython's type() wraps it), so instance lookup must not bind it.
    pub fn is_dunder_new(&self, name: Value) -> bool {
        self.is(name, Kind::Str) && self.str_of(name) == "__new__"
    }

    /// Whether a Native found on a class binds like a method: not when already bound, nor when it is
    /// a builtin or module function (CPython's builtin functions are no descriptors).
    pub fn native_binds(&self, f: Value) -> bool {
        let n = self.obj::<NativeObj>(f);
        n.bound.is_null() && n.arity != NATIVE_FUNCTION
    }

    /// Binds a class attribute found on `obj`'s type (functions -> bound methods, classmethod...).
    fn bind_attr(&mut self, attr: Value, obj: Value, objtype: Value) -> PyResult<Value> {
        if !attr.is_ptr() {
            return Ok(attr);
        }
        match self.kind(attr) {
            Kind::Function | Kind::Native => {
                if self.is(attr, Kind::Native) && !self.native_binds(attr) {
                    return Ok(attr);
                }
                self.new_bound_method(attr, obj)
            }
            Kind::ClassMethod => {
                let f = self.obj::<WrapperObj>(attr).func;
                self.new_bound_method(f, objtype)
            }
            Kind::StaticMethod => Ok(self.obj::<WrapperObj>(attr).func),
            Kind::Property => {
                let fget = self.obj::<PropertyObj>(attr).fget;
                if fget.is_null() || fget == self.none() {
                    return Err(self.raise("AttributeError", "unreadable attribute"));
                }
                self.call(fget, &[obj])
            }
            Kind::Instance => match self.special(attr, "__get__") {
                Some(get) => self.call(get, &[attr, obj, objtype]),
                None => Ok(attr),
            },
            _ => Ok(attr),
        }
    }

    /// Is `v` an instance of a Python class defining `__get__`, `__set__` or `__delete__`?
    pub fn is_user_descriptor(&mut self, v: Value) -> bool {
        self.is(v, Kind::Instance)
            && ["__get__", "__set__", "__delete__"]
                .iter()
                .any(|n| self.special(v, n).is_some())
    }

    pub fn new_bound_method(&mut self, func: Value, slf: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(func);
        self.push(slf);
        let m = self.alloc(Kind::BoundMethod, 0)?;
        // SAFETY: m was just allocated as a BoundMethod and func/slf re-read from the stack after that
        // allocation; no GC point before the stores.
        unsafe {
            let p = self.payload::<BoundMethodObj>(m);
            (*p).func = self.at(base);
            (*p).slf = self.at(base + 1);
        }
        self.truncate(base);
        Ok(m)
    }

    /// getattr(obj, name) where name is a str. Raises AttributeError.
    // gc-safe: the foreign getattr hook answers None before any GC point (its contract): obj, name intact
    pub fn getattr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        if obj.is_ptr() && self.kind(obj) == Kind::Foreign {
            if let Some(fast) = self.registry.foreign.getattr {
                if let Some(r) = fast(self, obj, name) {
                    return r;
                }
            }
        }
        let base = self.sp();
        self.push(obj);
        self.push(name);
        let r = self.getattr_inner(base, true);
        let (obj, name) = (self.at(base), self.at(base + 1));
        self.truncate(base);
        match r? {
            Some(v) => Ok(v),
            None => Err(self.attr_error(obj, name)),
        }
    }

    pub fn getattr_str(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, n)
    }

    /// getattr returning None instead of raising AttributeError (other errors propagate).
    pub fn getattr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let base = self.sp();
        self.push(obj);
        self.push(name);
        let r = self.getattr_inner(base, false);
        self.truncate(base);
        r
    }

    /// `propagate`: an AttributeError raised by `__getattr__` propagates as is (getattr) instead of
    /// meaning "absent" (getattr_opt, hasattr).
    fn getattr_inner(&mut self, base: usize, propagate: bool) -> PyResult<Option<Value>> {
        let obj = self.at(base);
        if self.is(obj, Kind::Instance) {
            let cls = self.obj::<InstanceObj>(obj).cls;
            if self.obj::<TypeObj>(cls).flags & TYPE_CUSTOM_GETATTRIBUTE != 0 {
                if let Some(r) = self.custom_getattribute(base, propagate) {
                    return r;
                }
            }
        }
        self.getattr_generic(base, propagate, true)
    }

    /// A class's Python `__getattribute__` answers every attribute lookup on its instances; when it
    /// raises AttributeError, `__getattr__` (if any) is tried. None: no Python `__getattribute__`
    /// (only object's), take the generic path.
    fn custom_getattribute(
        &mut self,
        base: usize,
        propagate: bool,
    ) -> Option<PyResult<Option<Value>>> {
        let obj = self.at(base);
        let ga = self.special(obj, "__getattribute__")?;
        if self.is(ga, Kind::Native) {
            return None;
        }
        let (obj, name) = (self.at(base), self.at(base + 1));
        let r = self.call(ga, &[obj, name]);
        Some(match r {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if !self.exc_matches(self.roots.exc, "AttributeError") {
                    return Some(Err(e));
                }
                let obj = self.at(base);
                match self.special(obj, "__getattr__") {
                    Some(f) => {
                        self.take_exc();
                        let (obj, name) = (self.at(base), self.at(base + 1));
                        match self.call(f, &[obj, name]) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) => {
                                if !propagate && self.exc_matches(self.roots.exc, "AttributeError")
                                {
                                    self.take_exc();
                                    Ok(None)
                                } else {
                                    Err(e)
                                }
                            }
                        }
                    }
                    None if !propagate => {
                        self.take_exc();
                        Ok(None)
                    }
                    None => Err(e),
                }
            }
        })
    }

    /// object.__getattribute__(obj, name): the generic lookup (no class `__getattribute__`, no
    /// `__getattr__` fallback). Raises AttributeError.
    pub fn object_getattribute(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(obj);
        self.push(name);
        let r = self.getattr_generic(base, true, false);
        let (obj, name) = (self.at(base), self.at(base + 1));
        self.truncate(base);
        match r? {
            Some(v) => Ok(v),
            None => Err(self.attr_error(obj, name)),
        }
    }

    /// The lookup without a class `__getattribute__`; `fallback`: try `__getattr__` last.
    fn getattr_generic(
        &mut self,
        base: usize,
        propagate: bool,
        fallback: bool,
    ) -> PyResult<Option<Value>> {
        let obj = self.at(base);
        let name = self.at(base + 1);
        // Fast path: an instance whose class has no data descriptors finds its own attributes first.
        if self.is(obj, Kind::Instance) && !self.attr_flags_dynamic {
            let io = self.obj::<InstanceObj>(obj);
            let (cls, d, m) = (io.cls, io.dict, io.map);
            if self.obj::<TypeObj>(cls).flags & (TYPE_HAS_PROPS | TYPE_CUSTOM_ATTRS) == 0 {
                if m != super::attrmap::NO_MAP {
                    if let Some(v) = self.map_get_attr(obj, name) {
                        return Ok(Some(v));
                    }
                } else if !d.is_null() {
                    if let Some(v) = self.dict_get_str(d, name) {
                        return Ok(Some(v));
                    }
                }
            }
        }
        if self.is(obj, Kind::Type) {
            return self.type_getattr(base);
        }
        if self.is(obj, Kind::Super) {
            return self.super_getattr(base);
        }
        if self.is(obj, Kind::Foreign) {
            if let Some(r) = self.foreign_getattr(base, propagate) {
                return r;
            }
        }
        let (obj, name) = (self.at(base), self.at(base + 1)); // re-read after foreign_getattr
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(v));
        }
        let (obj, name) = (self.at(base), self.at(base + 1));
        if obj.is_ptr() {
            if let Some(f) = crate::objects::slots(self.kind(obj)).getattr {
                if let Some(v) = f(self, obj, name)? {
                    return Ok(Some(v));
                }
            }
        }
        let (obj, name) = (self.at(base), self.at(base + 1));
        let t = self.type_of(obj);
        let attr = self.lookup_type(t, name);
        if let Some(a) = attr {
            if self.is(a, Kind::Property) {
                let obj = self.at(base);
                return self.bind_attr(a, obj, t).map(Some);
            }
            // A data descriptor (its class defines __set__ or __delete__) wins over the instance
            // dict; a plain __get__ one is bound below, after the dict.
            if self.is(a, Kind::Instance)
                && (self.special(a, "__set__").is_some() || self.special(a, "__delete__").is_some())
            {
                if let Some(get) = self.special(a, "__get__") {
                    let obj = self.at(base);
                    return self.call(get, &[a, obj, t]).map(Some);
                }
            }
        }
        if let Some(v) = self.map_get_attr(obj, name) {
            return Ok(Some(v));
        }
        if let Some(d) = self.instance_dict(obj) {
            if let Some(v) = self.dict_get_str(d, name) {
                return Ok(Some(v));
            }
        }
        if let Some(a) = attr {
            if self.is(a, Kind::Function) && self.is_dunder_new(self.at(base + 1)) {
                return Ok(Some(a));
            }
            let obj = self.at(base);
            let t = self.type_of(obj);
            return self.bind_attr(a, obj, t).map(Some);
        }
        // a boxed int/complex... (vm/boxed.rs): its builtin's data attributes (`real`, `imag`)
        if let Some(b) = self.boxed_base(self.at(base)) {
            let name = self.at(base + 1);
            if !self.str_of(name).starts_with("__") {
                if let Some(v) = self.special_attr(b, name)? {
                    return Ok(Some(v));
                }
            }
            // re-read: special_attr may have allocated
            if let Some(b) = self.boxed_base(self.at(base)) {
                let f = crate::objects::slots(self.kind_or_int(b)).getattr;
                if let Some(f) = f {
                    if let Some(v) = f(self, b, self.at(base + 1))? {
                        return Ok(Some(v));
                    }
                }
            }
        }
        // StopIteration.value / SystemExit.code default to args[0] (or None)
        let obj = self.at(base);
        if self.is(obj, Kind::Instance) && self.is_exception_class(self.type_of(obj)) {
            let n = self.str_of(self.at(base + 1)).to_string();
            let want = match n.as_str() {
                "value" => self.exc_matches(obj, "StopIteration"),
                "code" => self.exc_matches(obj, "SystemExit"),
                _ => false,
            };
            if want {
                let args = self.exc_args(obj);
                let items = self.tuple_items(args);
                return Ok(Some(match items.len() {
                    0 => self.none(),
                    1 => items[0],
                    _ if n == "code" => args,
                    _ => items[0],
                }));
            }
        }
        // __getattr__ fallback
        let obj = self.at(base);
        if fallback && (self.is(obj, Kind::Instance) || self.is(obj, Kind::Foreign)) {
            if let Some(ga) = self.special(obj, "__getattr__") {
                let obj = self.at(base);
                let name = self.at(base + 1);
                return match self.call(ga, &[obj, name]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        if !propagate && self.exc_matches(self.roots.exc, "AttributeError") {
                            self.take_exc();
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                };
            }
        }
        Ok(None)
    }

    /// Native classes (cffi's cdata, lib...) answer most attributes from their native `__getattr__`:
    /// call it directly for non-dunder names the class itself does not define, skipping the generic
    /// lookup chain. None = take the general path.
    fn foreign_getattr(&mut self, base: usize, propagate: bool) -> Option<PyResult<Option<Value>>> {
        let (obj, name) = (self.at(base), self.at(base + 1));
        if self.str_of(name).starts_with("__") {
            return None;
        }
        let t = self.type_of(obj);
        if self.lookup_type(t, name).is_some() {
            return None;
        }
        let ga = self.special(obj, "__getattr__")?;
        if !self.is(ga, Kind::Native) || !self.obj::<NativeObj>(ga).bound.is_null() {
            return None;
        }
        let nf = self.obj::<NativeObj>(ga).f;
        let args = self.sp();
        self.push(obj);
        self.push(name);
        let r = nf(
            self,
            super::Args {
                base: args,
                n: 2,
                kwnames: Value::NULL,
            },
        );
        self.truncate(args);
        Some(match r {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if !propagate && self.exc_matches(self.roots.exc, "AttributeError") {
                    self.take_exc();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        })
    }

    /// super().name: search the MRO of the instance's type after `typ`, bind to the instance.
    fn super_getattr(&mut self, base: usize) -> PyResult<Option<Value>> {
        let (s, name) = (self.at(base), self.at(base + 1));
        let (typ, obj) = {
            let p = self.obj::<SuperObj>(s);
            (p.typ, p.obj)
        };
        let start_type = if self.is(obj, Kind::Type) && self.is_subtype(obj, typ) {
            obj
        } else {
            self.type_of(obj)
        };
        let mro: Vec<Value> = self
            .tuple_items(self.obj::<TypeObj>(start_type).mro)
            .to_vec();
        let pos = mro
            .iter()
            .position(|t| *t == typ)
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for &t in &mro[pos..] {
            let d = self.obj::<TypeObj>(t).dict;
            if let Some(a) = self.dict_get_str(d, name) {
                let (obj, typ) = {
                    let p = self.obj::<SuperObj>(self.at(base));
                    (p.obj, p.typ)
                };
                // super() in a metaclass method: obj is a class but an instance of typ, so bind.
                if self.is(obj, Kind::Type) && self.is_subtype(obj, typ) {
                    if self.is(a, Kind::ClassMethod) {
                        let f = self.obj::<WrapperObj>(a).func;
                        return self.new_bound_method(f, obj).map(Some);
                    }
                    if self.is(a, Kind::StaticMethod) {
                        return Ok(Some(self.obj::<WrapperObj>(a).func));
                    }
                    return Ok(Some(a));
                }
                let ot = self.type_of(obj);
                return self.bind_attr(a, obj, ot).map(Some);
            }
        }
        Ok(None)
    }

    /// Attributes that are not stored in dicts: __class__, __dict__, __name__ of functions...
    fn special_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let n = self.str_of(name);
        if !n.starts_with("__") {
            // a few non-dunder attributes of builtin kinds
            if obj.is_ptr() {
                match (self.kind(obj), n) {
                    (Kind::Slice, "start") => return Ok(Some(self.obj::<SliceObj>(obj).start)),
                    (Kind::Slice, "stop") => return Ok(Some(self.obj::<SliceObj>(obj).stop)),
                    (Kind::Slice, "step") => return Ok(Some(self.obj::<SliceObj>(obj).step)),
                    (Kind::Range, "start") => return Ok(Some(self.obj::<RangeObj>(obj).start)),
                    (Kind::Range, "stop") => return Ok(Some(self.obj::<RangeObj>(obj).stop)),
                    (Kind::Range, "step") => return Ok(Some(self.obj::<RangeObj>(obj).step)),
                    (Kind::Property, "fget") => return Ok(Some(self.obj::<PropertyObj>(obj).fget)),
                    (Kind::Float, "real") => return Ok(Some(obj)),
                    (Kind::Float, "imag") => return self.new_float(0.0).map(Some),
                    (Kind::BigInt | Kind::Bool, "real" | "numerator") => return Ok(Some(obj)),
                    (Kind::BigInt | Kind::Bool, "imag") => {
                        return Ok(Some(Value::from_int(0).unwrap()))
                    }
                    (Kind::BigInt | Kind::Bool, "denominator") => {
                        return Ok(Some(Value::from_int(1).unwrap()))
                    }
                    (Kind::Generator, "gi_running") => {
                        return Ok(Some(self.bool_val(self.gen_state_ref(obj).running)))
                    }
                    _ => {}
                }
            } else if matches!(n, "real" | "numerator") {
                return Ok(Some(obj));
            } else if n == "imag" {
                return Ok(Some(Value::from_int(0).unwrap()));
            } else if n == "denominator" {
                return Ok(Some(Value::from_int(1).unwrap()));
            }
            return Ok(None);
        }
        match n {
            "__class__" => Ok(Some(self.type_of(obj))),
            "__dict__" => self.instance_dict_mat(obj),
            "__name__" | "__qualname__" => {
                let q = n == "__qualname__";
                if !obj.is_ptr() {
                    return Ok(None);
                }
                match self.kind(obj) {
                    Kind::Function => {
                        let f = self.obj::<FunctionObj>(obj);
                        Ok(Some(if q { f.qualname } else { f.name }))
                    }
                    Kind::Native => Ok(Some(self.obj::<NativeObj>(obj).name)),
                    Kind::Module => Ok(Some(self.obj::<ModuleObj>(obj).name)),
                    Kind::Generator | Kind::Coroutine | Kind::AsyncGenerator => {
                        Ok(Some(self.obj::<GeneratorObj>(obj).name))
                    }
                    Kind::BoundMethod => {
                        let f = self.obj::<BoundMethodObj>(obj).func;
                        self.special_attr(f, name)
                    }
                    _ => Ok(None),
                }
            }
            "__self__" if self.is(obj, Kind::BoundMethod) => {
                Ok(Some(self.obj::<BoundMethodObj>(obj).slf))
            }
            "__func__" if self.is(obj, Kind::BoundMethod) => {
                Ok(Some(self.obj::<BoundMethodObj>(obj).func))
            }
            "__func__" if self.is(obj, Kind::StaticMethod) || self.is(obj, Kind::ClassMethod) => {
                Ok(Some(self.obj::<WrapperObj>(obj).func))
            }
            "__doc__" if self.is(obj, Kind::Function) => {
                let d = self.obj::<FunctionObj>(obj).doc;
                Ok(Some(if d.is_null() { self.none() } else { d }))
            }
            "__doc__" if self.is(obj, Kind::Native) => self.native_doc(obj).map(Some),
            "__doc__" if self.is(obj, Kind::BoundMethod) => {
                let f = self.obj::<BoundMethodObj>(obj).func;
                self.getattr_str(f, "__doc__").map(Some)
            }
            "__doc__" if self.is(obj, Kind::Module) => {
                let d = self.obj::<ModuleObj>(obj).dict;
                Ok(Some(self.dict_get_str(d, name).unwrap_or(self.none())))
            }
            "__doc__"
                if !obj.is_ptr() || !matches!(self.kind(obj), Kind::Module | Kind::Function) =>
            {
                self.instance_doc(obj).map(Some)
            }
            "__defaults__" if self.is(obj, Kind::Function) => {
                let d = self.obj::<FunctionObj>(obj).defaults;
                Ok(Some(if d.is_null() { self.none() } else { d }))
            }
            "__globals__" if self.is(obj, Kind::Function) => {
                Ok(Some(self.obj::<FunctionObj>(obj).globals))
            }
            "__code__" if self.is(obj, Kind::Function) => {
                Ok(Some(self.obj::<FunctionObj>(obj).code))
            }
            "__module__" if self.is(obj, Kind::Function) => {
                let g = self.obj::<FunctionObj>(obj).globals;
                let k = self.intern("__name__");
                Ok(self.dict_get_str(g, k))
            }
            "__traceback__" if self.is(obj, Kind::Instance) => self.traceback_of(obj).map(Some),
            "__suppress_context__"
                if self.is(obj, Kind::Instance) && self.is_exception_class(self.type_of(obj)) =>
            {
                let d = self.obj::<InstanceObj>(obj).dict;
                let v = if d.is_null() {
                    None
                } else {
                    self.dict_get_str(d, name)
                };
                Ok(Some(v.unwrap_or(self.bool_val(false))))
            }
            "__cause__" | "__context__" if self.is(obj, Kind::Instance) => {
                let d = self.obj::<InstanceObj>(obj).dict;
                Ok(Some(self.dict_get_str(d, name).unwrap_or(self.none())))
            }
            _ => Ok(None),
        }
    }

    fn type_getattr(&mut self, base: usize) -> PyResult<Option<Value>> {
        let t = self.at(base);
        let name = self.at(base + 1);
        let n = self.str_of(name).to_string();
        let tp = self.obj::<TypeObj>(t);
        match n.as_str() {
            "__name__" => return Ok(Some(tp.name)),
            "__qualname__" => return Ok(Some(tp.qualname)),
            "__mro__" => return Ok(Some(tp.mro)),
            "__doc__" => return self.type_doc(t).map(Some),
            "__bases__" => {
                // every class but object derives from object, stated or not
                let object = self.builtin_type("object");
                if t != object && (tp.bases.is_null() || self.tuple_items(tp.bases).is_empty()) {
                    return self.new_tuple(&[object]).map(Some);
                }
                return Ok(Some(tp.bases));
            }
            "__dict__" => return Ok(Some(tp.dict)),
            "__module__" => {
                let m = tp.module;
                return Ok(Some(if m.is_null() { self.none() } else { m }));
            }
            "__class__" => return Ok(Some(self.type_of(t))),
            "__base__" => {
                let b = tp.bases;
                let items = if b.is_null() {
                    &[]
                } else {
                    self.tuple_items(b)
                };
                let object = self.builtin_type("object");
                return Ok(Some(if items.is_empty() && t != object {
                    object
                } else if items.is_empty() {
                    self.none()
                } else {
                    items[0]
                }));
            }
            _ => {}
        }
        match self.lookup_type(t, name) {
            Some(a) if a.is_ptr() => match self.kind(a) {
                Kind::ClassMethod => {
                    let f = self.obj::<WrapperObj>(a).func;
                    let t = self.at(base);
                    self.new_bound_method(f, t).map(Some)
                }
                Kind::StaticMethod => Ok(Some(self.obj::<WrapperObj>(a).func)),
                Kind::Instance => match self.special(a, "__get__") {
                    Some(get) => {
                        let (none, t) = (self.none(), self.at(base));
                        self.call(get, &[a, none, t]).map(Some)
                    }
                    None => Ok(Some(a)),
                },
                _ => Ok(Some(a)),
            },
            Some(a) => Ok(Some(a)),
            None => {
                // attributes of `type` itself (e.g. type.__name__ handled above; mro())
                let tt = self.type_of(self.at(base));
                let name = self.at(base + 1);
                match self.lookup_type(tt, name) {
                    Some(a) => {
                        let t = self.at(base);
                        let tt = self.type_of(t);
                        self.bind_attr(a, t, tt).map(Some)
                    }
                    None => Ok(None),
                }
            }
        }
    }

    /// obj.name = v
    // gc-safe: the foreign setattr hook answers false before any GC point (its contract): all intact
    pub fn setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        if obj.is_ptr() && self.kind(obj) == Kind::Foreign {
            if let Some(fast) = self.registry.foreign.setattr {
                if fast(self, obj, name, v) {
                    return Ok(());
                }
            }
        }
        let base = self.sp();
        self.push(obj);
        self.push(name);
        self.push(v);
        let r = self.setattr_inner(base);
        self.truncate(base);
        r
    }

    fn setattr_inner(&mut self, base: usize) -> PyResult<()> {
        let obj = self.at(base);
        let name = self.at(base + 1);
        if self.is(name, Kind::Str)
            && self.str_of(name) == "__class__"
            && !(self.is(obj, Kind::Instance)
                && self.obj::<TypeObj>(self.type_of(obj)).flags & TYPE_CUSTOM_ATTRS != 0)
        {
            return self.set_class(obj, self.at(base + 2));
        }
        if self.is(obj, Kind::Instance)
            && self.is(name, Kind::Str)
            && self.str_of(name) == "__dict__"
            && self.obj::<TypeObj>(self.type_of(obj)).flags & TYPE_CUSTOM_ATTRS == 0
        {
            return self.set_instance_dict(base);
        }
        if self.is(obj, Kind::Instance) && !self.attr_flags_dynamic {
            let io = self.obj::<InstanceObj>(obj);
            let (cls, d, m) = (io.cls, io.dict, io.map);
            if self.obj::<TypeObj>(cls).flags & (TYPE_HAS_PROPS | TYPE_CUSTOM_ATTRS) == 0 {
                if m != super::attrmap::NO_MAP {
                    return self.map_set_attr(base);
                }
                if !d.is_null() {
                    return self.dict_set(d, name, self.at(base + 2));
                }
            }
        }
        if self.is(obj, Kind::Type) {
            self.check_mutable_type(obj, name)?;
            // Adding a property or an attribute hook to an existing class invalidates the per-class
            // flags of its subclasses: switch the fast paths off for good.
            let v = self.at(base + 2);
            let descr = self.is_user_descriptor(v);
            let n = self.str_of(name);
            if self.is(v, Kind::Property)
                || descr
                || matches!(
                    n,
                    "__setattr__" | "__delattr__" | "__getattribute__" | "__new__" | "__init__"
                )
            {
                let is_ga = n == "__getattribute__";
                self.attr_flags_dynamic = true;
                if is_ga {
                    // SAFETY: obj is a live type; no GC point while the flags are written.
                    unsafe { (*self.payload::<TypeObj>(obj)).flags |= TYPE_CUSTOM_GETATTRIBUTE };
                }
            }
            let d = self.obj::<TypeObj>(obj).dict;
            return self.dict_set(d, name, self.at(base + 2));
        }
        if self.is(obj, Kind::Super) {
            return Err(self.attr_error(obj, name));
        }
        let t = self.type_of(obj);
        if let Some(a) = self.lookup_type(t, name) {
            if self.is(a, Kind::Property) {
                let fset = self.obj::<PropertyObj>(a).fset;
                if fset.is_null() || fset == self.none() {
                    let n = self.str_of(name).to_string();
                    return Err(self.raise("AttributeError", &format!("can't set attribute '{n}'")));
                }
                let (obj, v) = (self.at(base), self.at(base + 2));
                self.call(fset, &[obj, v])?;
                return Ok(());
            }
            if self.is(a, Kind::Instance) {
                if let Some(set) = self.special(a, "__set__") {
                    let (obj, v) = (self.at(base), self.at(base + 2));
                    self.call(set, &[a, obj, v])?;
                    return Ok(());
                }
            }
        }
        if self.is(obj, Kind::Instance) || self.is(obj, Kind::Foreign) {
            if let Some(sa) = self.special(obj, "__setattr__") {
                if !self.is(sa, Kind::Native) || self.is(obj, Kind::Foreign) {
                    let (obj, name, v) = (self.at(base), self.at(base + 1), self.at(base + 2));
                    self.call(sa, &[obj, name, v])?;
                    return Ok(());
                }
            }
        }
        let obj = self.at(base);
        if self.is(obj, Kind::Function) {
            let n = self.str_of(self.at(base + 1)).to_string();
            if matches!(n.as_str(), "__globals__" | "__closure__" | "__builtins__") {
                return Err(self.raise("AttributeError", "readonly attribute"));
            }
            if n == "__code__" && !self.is(self.at(base + 2), Kind::Code) {
                return Err(self.type_error("__code__ must be set to a code object"));
            }
            let v = self.at(base + 2);
            let p = self.payload::<FunctionObj>(obj);
            let field = match n.as_str() {
                // SAFETY: obj was checked to be a Function above and nothing allocates while the field
                // reference lives; the barrier on obj follows the store.
                "__name__" if self.is(v, Kind::Str) => Some(unsafe { &mut (*p).name }),
                // SAFETY: obj was checked to be a Function above and nothing allocates while the field
                // reference lives; the barrier on obj follows the store.
                "__qualname__" if self.is(v, Kind::Str) => Some(unsafe { &mut (*p).qualname }),
                // SAFETY: obj was checked to be a Function above and nothing allocates while the field
                // reference lives; the barrier on obj follows the store.
                "__doc__" => Some(unsafe { &mut (*p).doc }),
                // SAFETY: obj was checked to be a Function above and nothing allocates while the field
                // reference lives; the barrier on obj follows the store.
                "__defaults__" => Some(unsafe { &mut (*p).defaults }),
                _ => None,
            };
            if let Some(f) = field {
                *f = if v == self.none() && n == "__defaults__" {
                    Value::NULL
                } else {
                    v
                };
                self.heap.write_barrier(obj);
                return Ok(());
            }
        }
        if self.is(obj, Kind::Function) && self.obj::<FunctionObj>(obj).dict.is_null() {
            let d = self.new_dict()?;
            let obj = self.at(base);
            // SAFETY: obj (a Function, checked above) is re-read from the stack after the dict allocation;
            // the barrier follows the store.
            unsafe { (*self.payload::<FunctionObj>(obj)).dict = d };
            self.heap.write_barrier(obj);
        }
        let obj = self.at(base);
        if self.map_of(obj) != super::attrmap::NO_MAP {
            return self.map_set_attr(base);
        }
        match self.instance_dict(obj) {
            Some(d) => self.dict_set(d, self.at(base + 1), self.at(base + 2)),
            None => {
                let tn = self.type_name(obj);
                let n = self.str_of(self.at(base + 1)).to_string();
                Err(self.raise(
                    "AttributeError",
                    &format!("'{tn}' object has no attribute '{n}'"),
                ))
            }
        }
    }

    /// `obj.__dict__ = d` for the instance at stack slot `base` (d at `base + 2`): d becomes its
    /// dict (a map-mode instance switches to dict mode, dropping its slots).
    fn set_instance_dict(&mut self, base: usize) -> PyResult<()> {
        let (obj, d) = (self.at(base), self.at(base + 2));
        let io = self.obj::<InstanceObj>(obj);
        if io.map == super::attrmap::NO_MAP && io.dict.is_null() {
            return Err(self.attr_error(obj, self.at(base + 1)));
        }
        if !self.is(d, Kind::Dict) {
            let tn = self.type_name(d);
            return Err(self.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{tn}'"
            )));
        }
        // SAFETY: obj is a live Instance; no GC point since it was read; the barrier follows.
        unsafe {
            let p = self.payload::<InstanceObj>(obj);
            (*p).dict = d;
            (*p).map = super::attrmap::NO_MAP;
            (*p).s0 = Value::NULL;
            (*p).s1 = Value::NULL;
            (*p).s2 = Value::NULL;
            (*p).s3 = Value::NULL;
            (*p).slots = Value::NULL;
        }
        self.heap.write_barrier(obj);
        Ok(())
    }

    /// `obj.__class__ = cls`, with CPython's checks: cls must be a class, both classes must be
    /// Python classes (not builtin ones), and their instances must have the same layout.
    pub fn set_class(&mut self, obj: Value, cls: Value) -> PyResult<()> {
        if !self.is(cls, Kind::Type) {
            let tn = self.type_name(cls);
            return Err(self.type_error(format!(
                "__class__ must be set to a class, not '{tn}' object"
            )));
        }
        let old = self.type_of(obj);
        let (of, nf) = (
            self.obj::<TypeObj>(old).flags,
            self.obj::<TypeObj>(cls).flags,
        );
        if (of | nf) & TYPE_BUILTIN != 0 {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        let slots = self.intern("__slots__");
        let same_slots = {
            let (a, b) = (self.lookup_type(old, slots), self.lookup_type(cls, slots));
            match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => a == b,
                _ => false,
            }
        };
        if self.obj::<TypeObj>(old).inst_kind != self.obj::<TypeObj>(cls).inst_kind
            || (of ^ nf) & TYPE_EXCEPTION != 0
            || !same_slots
        {
            let (nn, on) = (
                self.str_of(self.obj::<TypeObj>(cls).name).to_string(),
                self.str_of(self.obj::<TypeObj>(old).name).to_string(),
            );
            return Err(self.type_error(format!(
                "__class__ assignment: '{nn}' object layout differs from '{on}'"
            )));
        }
        // SAFETY: obj is live and of the kind matched; no GC point before the barrier.
        unsafe {
            match self.kind(obj) {
                Kind::Instance => (*self.payload::<InstanceObj>(obj)).cls = cls,
                Kind::Foreign => (*self.payload::<ForeignObj>(obj)).cls = cls,
                Kind::Str => (*self.payload::<StrObj>(obj)).cls = cls,
                Kind::List => (*self.payload::<ListObj>(obj)).cls = cls,
                Kind::Dict | Kind::Set => (*self.payload::<DictObj>(obj)).cls = cls,
                Kind::ByteArray => (*self.payload::<ByteArrayObj>(obj)).cls = cls,
                _ => {
                    return Err(self.type_error(
                        "__class__ assignment only supported for mutable types or ModuleType subclasses",
                    ))
                }
            }
        }
        self.heap.write_barrier(obj);
        Ok(())
    }

    /// CPython's best-base rule: the bases' instance layouts ("solid bases") must form a chain, else
    /// "multiple bases have instance lay-out conflict". Checked before minipy's own "not an
    /// acceptable base type" for the builtins CPython lets one subclass (int, tuple, ...), so that
    /// `class A(int, str)` fails as on CPython; stops at a base CPython would reject itself.
    fn check_layout_conflict(&mut self, bases: Value) -> PyResult<()> {
        const CPYTHON_BASES: [&str; 8] = [
            "int",
            "tuple",
            "set",
            "frozenset",
            "bytes",
            "float",
            "complex",
            "bytearray",
        ];
        let mut solid: Option<Value> = None;
        for &b in self.tuple_items(bases) {
            if !self.is(b, Kind::Type) {
                return Ok(());
            }
            let bt = self.obj::<TypeObj>(b);
            if bt.flags & TYPE_BASETYPE == 0
                && bt.flags & TYPE_BUILTIN != 0
                && !CPYTHON_BASES.contains(&self.str_of(bt.name))
                && b != self.builtin_type("object")
            {
                return Ok(());
            }
            let sb = self.solid_base(b);
            match solid {
                None => solid = Some(sb),
                Some(w) if self.is_subtype(w, sb) => {}
                Some(w) if self.is_subtype(sb, w) => solid = Some(sb),
                Some(_) => {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"))
                }
            }
        }
        Ok(())
    }

    /// The nearest class in t's MRO that fixes its instances' layout: the first builtin one, with
    /// every exception class sharing BaseException's layout.
    fn solid_base(&self, t: Value) -> Value {
        let mro = self.obj::<TypeObj>(t).mro;
        let classes: Vec<Value> = if mro.is_null() {
            vec![t]
        } else {
            self.tuple_items(mro).to_vec()
        };
        for c in classes {
            let f = self.obj::<TypeObj>(c).flags;
            if f & TYPE_BUILTIN != 0 {
                if f & TYPE_EXCEPTION != 0 {
                    return self.base_exception_of(c);
                }
                return c;
            }
        }
        t
    }

    /// BaseException, found as the last exception class in c's MRO.
    fn base_exception_of(&self, c: Value) -> Value {
        let mro = self.obj::<TypeObj>(c).mro;
        if mro.is_null() {
            return c;
        }
        let mut last = c;
        for &m in self.tuple_items(mro) {
            if self.obj::<TypeObj>(m).flags & TYPE_EXCEPTION != 0 {
                last = m;
            }
        }
        last
    }

    /// CPython's builtin types are immutable: setting or deleting their attributes is a TypeError.
    fn check_mutable_type(&mut self, t: Value, name: Value) -> PyResult<()> {
        if self.obj::<TypeObj>(t).flags & TYPE_BUILTIN != 0 && self.is(name, Kind::Str) {
            let n = self.str_of(name).to_string();
            let tn = self.str_of(self.obj::<TypeObj>(t).name).to_string();
            return Err(self.type_error(format!(
                "cannot set '{n}' attribute of immutable type '{tn}'"
            )));
        }
        Ok(())
    }

    pub fn delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        if self.is(name, Kind::Str) && self.str_of(name) == "__class__" && !self.is(obj, Kind::Type)
        {
            return Err(self.type_error("can't delete __class__ attribute"));
        }
        if !self.is(obj, Kind::Type) {
            let t = self.type_of(obj);
            if let Some(a) = self.lookup_type(t, name) {
                if self.is(a, Kind::Property) {
                    let fdel = self.obj::<PropertyObj>(a).fdel;
                    if fdel.is_null() || fdel == self.none() {
                        let n = self.str_of(name).to_string();
                        return Err(
                            self.raise("AttributeError", &format!("can't delete attribute '{n}'"))
                        );
                    }
                    self.call(fdel, &[obj])?;
                    return Ok(());
                }
                if self.is(a, Kind::Instance) {
                    if let Some(del) = self.special(a, "__delete__") {
                        self.call(del, &[a, obj])?;
                        return Ok(());
                    }
                }
            }
            if self.is(obj, Kind::Instance) || self.is(obj, Kind::Foreign) {
                if let Some(f) = self.special(obj, "__delattr__") {
                    if self.is(f, Kind::Function) || self.is(obj, Kind::Foreign) {
                        self.call(f, &[obj, name])?;
                        return Ok(());
                    }
                }
            }
        }
        if self.is(obj, Kind::Type) {
            self.check_mutable_type(obj, name)?;
        }
        if self.is(obj, Kind::Super) {
            return Err(self.attr_error(obj, name));
        }
        let (obj, name, d) = if self.is(obj, Kind::Type) {
            (obj, name, Some(self.obj::<TypeObj>(obj).dict))
        } else if self.map_of(obj) != super::attrmap::NO_MAP {
            // del switches a map-mode instance to dict mode (attrmap.rs)
            let base = self.sp();
            self.push(obj);
            self.push(name);
            let r = self.materialize_dict(base);
            let (obj, name) = (self.at(base), self.at(base + 1));
            self.truncate(base);
            (obj, name, Some(r?))
        } else {
            (obj, name, self.instance_dict(obj))
        };
        match d {
            Some(d) => {
                // dict_del may run a key's __eq__: keep obj and name rooted for the error
                let base = self.sp();
                self.push(obj);
                self.push(name);
                let r = self.dict_del(d, name);
                let (obj, name) = (self.at(base), self.at(base + 1));
                self.truncate(base);
                match r? {
                    Some(_) => Ok(()),
                    None => Err(self.attr_error(obj, name)),
                }
            }
            None => Err(self.attr_error(obj, name)),
        }
    }

    /// Creates a class: name (str), bases (tuple), dict; all at stack slots. Computes the MRO.
    pub fn new_class(
        &mut self,
        name_slot: usize,
        bases_slot: usize,
        dict_slot: usize,
    ) -> PyResult<Value> {
        // The instance kind and flags come from the first base that is not `object`.
        let bases = self.at(bases_slot);
        let object = self.builtin_type("object");
        let mut inst_kind = Kind::Instance as u64;
        let mut flags = 0u64;
        self.check_layout_conflict(bases)?;
        for &b in self.tuple_items(bases) {
            if !self.is(b, Kind::Type) {
                return Err(self.type_error("bases must be types"));
            }
            let bt = self.obj::<TypeObj>(b);
            if bt.flags & TYPE_BASETYPE == 0 && b != object {
                let n = self.str_of(bt.name).to_string();
                return Err(self.type_error(format!("type '{n}' is not an acceptable base type")));
            }
            flags |= bt.flags
                & (TYPE_EXCEPTION
                    | TYPE_HAS_PROPS
                    | TYPE_CUSTOM_ATTRS
                    | TYPE_CUSTOM_NEW
                    | TYPE_HAS_DEL
                    | TYPE_CUSTOM_GETATTRIBUTE);
            if bt.inst_kind != Kind::Instance as u64 {
                inst_kind = bt.inst_kind;
            }
            if self.is_boxable_type(b) {
                // its instances are made by the builtin's __new__ (never the inline __init__ path)
                flags |= TYPE_CUSTOM_NEW;
            }
        }
        // A class that defines __eq__ but not __hash__ is unhashable (CPython sets __hash__ = None).
        {
            let d = self.at(dict_slot);
            let (ke, kh) = (self.intern("__eq__"), self.intern("__hash__"));
            if self.dict_get_str(d, ke).is_some() && self.dict_get_str(d, kh).is_none() {
                let none = self.none();
                self.dict_set(d, kh, none)?;
            }
        }
        {
            let d = self.at(dict_slot);
            for i in 0..self.dict_used(d) {
                if let Some((k, v)) = self.dict_entry(d, i) {
                    if self.is(v, Kind::Property) || self.is_user_descriptor(v) {
                        flags |= TYPE_HAS_PROPS;
                    }
                    if self.is(k, Kind::Str)
                        && matches!(
                            self.str_of(k),
                            "__setattr__" | "__delattr__" | "__getattribute__"
                        )
                    {
                        flags |= TYPE_CUSTOM_ATTRS;
                        if self.str_of(k) == "__getattribute__" {
                            flags |= TYPE_CUSTOM_GETATTRIBUTE;
                        }
                    }
                    if self.is(k, Kind::Str) && self.str_of(k) == "__new__" {
                        flags |= TYPE_CUSTOM_NEW;
                    }
                    if self.is(k, Kind::Str) && self.str_of(k) == "__del__" {
                        flags |= TYPE_HAS_DEL;
                    }
                }
            }
        }
        let mro = self.compute_mro(bases_slot)?;
        self.push(mro);
        let mro_slot = self.sp() - 1;
        let t = self.alloc(Kind::Type, 0)?;
        let modname = {
            let d = self.at(dict_slot);
            let k = self.intern("__module__");
            self.dict_get_str(d, k)
        };
        let qual = {
            let d = self.at(dict_slot);
            let k = self.intern("__qualname__");
            self.dict_get_str(d, k)
        };
        // SAFETY: t was just allocated as a Type; the stored values are read from the stack after that
        // allocation or returned by dict_get_str, which does not allocate; no GC point before the stores.
        unsafe {
            let p = self.payload::<TypeObj>(t);
            (*p).name = self.at(name_slot);
            (*p).qualname = qual.unwrap_or(self.at(name_slot));
            (*p).bases = self.at(bases_slot);
            (*p).dict = self.at(dict_slot);
            (*p).module = modname.unwrap_or(Value::NULL);
            (*p).inst_kind = inst_kind;
            (*p).flags = flags | TYPE_BASETYPE;
        }
        self.push(t);
        // mro = (t,) + computed
        let n = self.tuple_items(self.at(mro_slot)).len();
        for i in 0..n {
            let c = self.tuple_items(self.at(mro_slot))[i];
            self.push(c);
        }
        let full = self.new_tuple_from_stack(n + 1)?;
        let t = self.tuple_items(full)[0];
        // SAFETY: t is item 0 of the fresh mro tuple, re-read after that allocation (it was pushed as a
        // root); the barrier follows the store.
        unsafe { (*self.payload::<TypeObj>(t)).mro = full };
        self.heap.write_barrier(t);
        self.truncate(mro_slot);
        Ok(t)
    }

    /// C3 linearisation of the bases (without the class itself); returns a tuple.
    fn compute_mro(&mut self, bases_slot: usize) -> PyResult<Value> {
        let bases: Vec<Value> = self.tuple_items(self.at(bases_slot)).to_vec();
        let mut seqs: Vec<Vec<Value>> = Vec::new();
        for &b in &bases {
            seqs.push(self.tuple_items(self.obj::<TypeObj>(b).mro).to_vec());
        }
        seqs.push(bases.clone());
        let mut out: Vec<Value> = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                break;
            }
            let mut cand = None;
            for s in &seqs {
                let h = s[0];
                if !seqs.iter().any(|t| t[1..].contains(&h)) {
                    cand = Some(h);
                    break;
                }
            }
            let Some(c) = cand else {
                // CPython names the heads still waiting to be merged.
                let mut heads: Vec<Value> = Vec::new();
                for s in &seqs {
                    if !heads.contains(&s[0]) {
                        heads.push(s[0]);
                    }
                }
                let names: Vec<String> = heads
                    .iter()
                    .map(|&h| self.str_of(self.obj::<TypeObj>(h).name).to_string())
                    .collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            out.push(c);
            for s in seqs.iter_mut() {
                if s[0] == c {
                    s.remove(0);
                }
            }
        }
        if bases.is_empty() {
            out.push(self.builtin_type("object"));
        }
        // No GC point since `bases` was read: push and build.
        {
            let _no_gc = gc::NoGcScope::new();
            for v in &out {
                self.push(*v);
            }
        }
        self.new_tuple_from_stack(out.len())
    }
}
