//! The C type model (x86-64 and aarch64 Linux, LP64): primitives, pointers, arrays, structs,
//! unions, enums and function types, interned in a [`TypeTable`].
//!
//! Invariants:
//! - A type is addressed by a [`TypeId`] (index into the table's arena). Structurally equal types
//!   get the same id (pointer to X, array of N X, function (R; A...; variadic)), structs/unions/enums
//!   are unique per tag: as CFFI's ctypes, ids can be compared with `==` for identity.
//! - Types are never removed. Struct/union bodies and enum values may be filled in after creation
//!   (forward declarations, API-mode layouts); nothing else is mutated after creation.
//! - Every type carries its CFFI spelling (`int *`, `char * *`, `int(*)[5]`, `int(*)(int)`) and the
//!   position where a declarator would be inserted into it (CFFI's `ct_name_position`).
//! - A "function" type is CFFI's function ctype, i.e. a pointer to a function (size 8): raw C
//!   function types only exist inside the cdef parser.

use crate::error::{Error, Result};
use std::collections::HashMap;

/// Index of a type in a [`TypeTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// The behaviour class of a primitive type (decides how values convert).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimKind {
    /// Signed integer (`int`, `long`, `int8_t`, `ssize_t`...).
    Signed,
    /// Unsigned integer (`unsigned int`, `size_t`, `uint8_t`...).
    Unsigned,
    /// `char`: a byte (Python `bytes` of length 1); reads as unsigned in int contexts.
    Char,
    /// `wchar_t`, `char16_t`, `char32_t`: a unicode character.
    UniChar,
    /// `_Bool`.
    Bool,
    /// `float`, `double`.
    Float,
    /// `long double` (size 16; converted through f64; calls only on x86-64).
    LongDouble,
    /// `float _Complex`, `double _Complex` (size only: no conversions or calls).
    Complex,
}

/// A primitive C type: its CFFI name, size, alignment and class.
#[derive(Debug, PartialEq, Eq)]
pub struct Prim {
    pub name: &'static str,
    pub size: usize,
    pub align: usize,
    pub kind: PrimKind,
}

impl Prim {
    /// True for the integer classes (signed, unsigned, char, unichar, bool).
    pub fn is_integer(&self) -> bool {
        !matches!(
            self.kind,
            PrimKind::Float | PrimKind::LongDouble | PrimKind::Complex
        )
    }
    /// True if reading this type as an integer gives a signed value.
    pub fn is_signed(&self) -> bool {
        match self.kind {
            PrimKind::Signed => true,
            PrimKind::UniChar => self.name == "wchar_t" && WCHAR_SIGNED,
            _ => false,
        }
    }
}

#[cfg(target_arch = "aarch64")]
const WCHAR_SIGNED: bool = false;
#[cfg(not(target_arch = "aarch64"))]
const WCHAR_SIGNED: bool = true;

macro_rules! prim {
    ($name:expr, $size:expr, $kind:ident) => {
        Prim {
            name: $name,
            size: $size,
            align: $size,
            kind: PrimKind::$kind,
        }
    };
    ($name:expr, $size:expr, $align:expr, $kind:ident) => {
        Prim {
            name: $name,
            size: $size,
            align: $align,
            kind: PrimKind::$kind,
        }
    };
}

/// Every primitive type CFFI knows, with its LP64 Linux size and alignment.
pub static PRIMITIVES: &[Prim] = &[
    prim!("char", 1, Char),
    prim!("signed char", 1, Signed),
    prim!("unsigned char", 1, Unsigned),
    prim!("short", 2, Signed),
    prim!("unsigned short", 2, Unsigned),
    prim!("int", 4, Signed),
    prim!("unsigned int", 4, Unsigned),
    prim!("long", 8, Signed),
    prim!("unsigned long", 8, Unsigned),
    prim!("long long", 8, Signed),
    prim!("unsigned long long", 8, Unsigned),
    prim!("float", 4, Float),
    prim!("double", 8, Float),
    prim!("long double", 16, LongDouble),
    prim!("float _Complex", 8, 4, Complex),
    prim!("double _Complex", 16, 8, Complex),
    prim!("_Bool", 1, Bool),
    prim!("wchar_t", 4, UniChar),
    prim!("char16_t", 2, UniChar),
    prim!("char32_t", 4, UniChar),
    prim!("int8_t", 1, Signed),
    prim!("uint8_t", 1, Unsigned),
    prim!("int16_t", 2, Signed),
    prim!("uint16_t", 2, Unsigned),
    prim!("int32_t", 4, Signed),
    prim!("uint32_t", 4, Unsigned),
    prim!("int64_t", 8, Signed),
    prim!("uint64_t", 8, Unsigned),
    prim!("int_least8_t", 1, Signed),
    prim!("uint_least8_t", 1, Unsigned),
    prim!("int_least16_t", 2, Signed),
    prim!("uint_least16_t", 2, Unsigned),
    prim!("int_least32_t", 4, Signed),
    prim!("uint_least32_t", 4, Unsigned),
    prim!("int_least64_t", 8, Signed),
    prim!("uint_least64_t", 8, Unsigned),
    prim!("int_fast8_t", 1, Signed),
    prim!("uint_fast8_t", 1, Unsigned),
    prim!("int_fast16_t", 8, Signed),
    prim!("uint_fast16_t", 8, Unsigned),
    prim!("int_fast32_t", 8, Signed),
    prim!("uint_fast32_t", 8, Unsigned),
    prim!("int_fast64_t", 8, Signed),
    prim!("uint_fast64_t", 8, Unsigned),
    prim!("intptr_t", 8, Signed),
    prim!("uintptr_t", 8, Unsigned),
    prim!("intmax_t", 8, Signed),
    prim!("uintmax_t", 8, Unsigned),
    prim!("ptrdiff_t", 8, Signed),
    prim!("size_t", 8, Unsigned),
    prim!("ssize_t", 8, Signed),
];

/// Size and alignment of data pointers and function pointers.
pub const POINTER_SIZE: usize = 8;

/// A struct or union member as declared (before layout).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Empty for anonymous struct/union members and unnamed bitfields.
    pub name: String,
    pub ty: TypeId,
    /// `Some(width)` for bitfields.
    pub bitsize: Option<u32>,
    /// `T name[...]`: the length must come from the C compiler (API mode).
    pub length_from_compiler: bool,
}

/// A laid-out field; anonymous struct/union members are flattened into their parent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    /// Byte offset of the field (for a bitfield: of the storage unit holding it).
    pub offset: usize,
    /// Bit position inside the storage unit, -1 for non-bitfields (as CFFI's `CField.bitshift`).
    pub bitshift: i32,
    /// Width in bits, -1 for non-bitfields (as CFFI's `CField.bitsize`).
    pub bitsize: i32,
}

impl Field {
    pub fn is_bitfield(&self) -> bool {
        self.bitsize >= 0
    }
}

/// The computed layout of a complete struct or union.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub size: usize,
    pub align: usize,
    pub fields: Vec<Field>,
    /// Some field is a bitfield (cannot be passed by value through libffi).
    pub has_bitfields: bool,
    /// Anonymous members or compiler-given offsets (cannot be passed by value, as in CFFI).
    pub custom_field_pos: bool,
    /// The last member is an open array `T x[]` (variable-size struct).
    pub var_sized: bool,
}

/// A struct or union type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructType {
    pub is_union: bool,
    /// The tag without `struct `: `passwd`, `$1` (anonymous), `$div_t` (typedef'd anonymous).
    pub tag: String,
    /// Members as declared; `None` while the type is opaque (forward declaration).
    pub members: Option<Vec<Member>>,
    /// Declared with `...;`: the layout must come from the C compiler (API mode).
    pub partial: bool,
    /// `packed=True` (1) or `pack=n`.
    pub pack: Option<usize>,
    /// Computed (or compiler-given) layout, once known.
    pub layout: Option<Layout>,
    /// Why the layout could not be computed: a TypeError (a field of unknown size...) or an
    /// OverflowError (a size beyond isize::MAX), raised again at each use.
    pub layout_error: Option<Error>,
}

/// An enum type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumType {
    /// The tag without `enum `: `color`, `$1`, `$e_t`.
    pub tag: String,
    /// The primitive integer type holding values (`unsigned int` if all values are >= 0, else
    /// `int`; `long`/`unsigned long` when needed). `None` while partial in ABI mode.
    pub base: Option<TypeId>,
    /// Enumerators in declaration order; `None` values come from the compiler (API mode).
    pub values: Vec<(String, Option<i128>)>,
    /// Declared with `...`: values/size come from the C compiler.
    pub partial: bool,
}

/// A function (pointer) type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncType {
    pub result: TypeId,
    /// Argument types after adjustment (arrays and functions decay to pointers).
    pub args: Vec<TypeId>,
    pub variadic: bool,
}

/// What a type is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Void,
    Primitive(&'static Prim),
    Pointer(TypeId),
    /// `length == None` for open arrays `T[]`.
    Array {
        item: TypeId,
        length: Option<usize>,
    },
    Struct(StructType),
    Enum(EnumType),
    /// Pointer to function (CFFI's "function" ctype).
    Function(FuncType),
    /// `typedef int... name;` (or `float...` when `float` is true): size and signedness come from
    /// the C compiler; using it in ABI mode is a NotImplementedError.
    UnknownNumber {
        name: String,
        float: bool,
    },
}

/// One entry of the table: the type and its CFFI spelling.
#[derive(Clone, Debug)]
pub struct CType {
    pub kind: TypeKind,
    name: String,
    name_pos: usize,
}

impl CType {
    /// CFFI's spelling, e.g. `int *`, `struct passwd *`, `int(*)(int)`, `char[]`.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Where a declarator goes in [`CType::name`] (CFFI's `ct_name_position`).
    pub fn name_position(&self) -> usize {
        self.name_pos
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Pointer(TypeId),
    Array(TypeId, Option<usize>),
    Function(FuncType),
}

/// The arena of interned types. See the module documentation for invariants.
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Vec<CType>,
    interned: HashMap<Key, TypeId>,
    /// `(0 struct | 1 union | 2 enum, tag)` -> id.
    tagged: HashMap<(u8, String), TypeId>,
    prims: HashMap<&'static str, TypeId>,
    void: TypeId,
    anon_counter: u32,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

fn kind_code(is_union: bool) -> u8 {
    if is_union {
        1
    } else {
        0
    }
}

impl TypeTable {
    /// A table holding `void` and every primitive.
    pub fn new() -> TypeTable {
        let mut t = TypeTable {
            types: Vec::new(),
            interned: HashMap::new(),
            tagged: HashMap::new(),
            prims: HashMap::new(),
            void: TypeId(0),
            anon_counter: 0,
        };
        t.void = t.push(TypeKind::Void, "void".to_string(), 4);
        for p in PRIMITIVES {
            let id = t.push(TypeKind::Primitive(p), p.name.to_string(), p.name.len());
            t.prims.insert(p.name, id);
        }
        t
    }

    fn push(&mut self, kind: TypeKind, name: String, name_pos: usize) -> TypeId {
        let id = TypeId(self.types.len() as u32);
        self.types.push(CType {
            kind,
            name,
            name_pos,
        });
        id
    }

    /// Number of types in the table.
    pub fn len(&self) -> usize {
        self.types.len()
    }

    /// Never empty (void and the primitives are always there).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The type behind an id. Panics on an id from another table.
    pub fn get(&self, id: TypeId) -> &CType {
        &self.types[id.0 as usize]
    }

    /// The kind of a type.
    pub fn kind(&self, id: TypeId) -> &TypeKind {
        &self.get(id).kind
    }

    /// CFFI's spelling of a type.
    pub fn name(&self, id: TypeId) -> &str {
        &self.get(id).name
    }

    /// CFFI's `ctype.kind`: `void`, `primitive`, `pointer`, `array`, `struct`, `union`, `enum`,
    /// `function` (`primitive` for `typedef int...` types).
    pub fn kind_name(&self, id: TypeId) -> &'static str {
        match self.kind(id) {
            TypeKind::Void => "void",
            TypeKind::Primitive(_) | TypeKind::UnknownNumber { .. } => "primitive",
            TypeKind::Pointer(_) => "pointer",
            TypeKind::Array { .. } => "array",
            TypeKind::Struct(s) if s.is_union => "union",
            TypeKind::Struct(_) => "struct",
            TypeKind::Enum(_) => "enum",
            TypeKind::Function(_) => "function",
        }
    }

    /// The name with `replace` inserted at the declarator position (CFFI's backend `getcname`).
    pub fn name_with(&self, id: TypeId, replace: &str) -> String {
        let t = self.get(id);
        let mut s = String::with_capacity(t.name.len() + replace.len());
        s.push_str(&t.name[..t.name_pos]);
        s.push_str(replace);
        s.push_str(&t.name[t.name_pos..]);
        s
    }

    /// `ffi.getctype(cdecl, replace_with)`: C spelling with a declarator, e.g.
    /// `getctype(char[80], "a") == "char a[80]"`, `getctype(int[5], "*p") == "int(*p)[5]"`.
    pub fn getctype(&self, id: TypeId, replace_with: &str) -> String {
        let mut r = replace_with.trim().to_string();
        if r.starts_with('*') && self.name_with(id, "&").contains("&[") {
            r = format!("({})", r);
        } else if !r.is_empty() && !r.starts_with('[') && !r.starts_with('(') {
            r = format!(" {}", r);
        }
        self.name_with(id, &r)
    }

    /// `void`.
    pub fn void(&self) -> TypeId {
        self.void
    }

    /// A primitive by its CFFI name (`"int"`, `"unsigned long long"`, `"size_t"`, `"_Bool"`).
    pub fn primitive(&self, name: &str) -> Option<TypeId> {
        self.prims.get(name).copied()
    }

    /// `int`, used everywhere.
    pub fn int(&self) -> TypeId {
        self.prims["int"]
    }

    /// The primitive descriptor of a type, if it is a primitive.
    pub fn prim(&self, id: TypeId) -> Option<&'static Prim> {
        match self.kind(id) {
            TypeKind::Primitive(p) => Some(p),
            _ => None,
        }
    }

    /// Pointer to `item` (interned). A pointer to a function type is spelled `int(* *)(int)`.
    pub fn pointer(&mut self, item: TypeId) -> TypeId {
        if let Some(&id) = self.interned.get(&Key::Pointer(item)) {
            return id;
        }
        let is_array = matches!(self.kind(item), TypeKind::Array { .. });
        let (extra, delta) = if is_array { ("(*)", 2) } else { (" *", 2) };
        let name = self.name_with(item, extra);
        let pos = self.get(item).name_pos + delta;
        let id = self.push(TypeKind::Pointer(item), name, pos);
        self.interned.insert(Key::Pointer(item), id);
        id
    }

    /// Array of `length` (or open `T[]`) `item`s (interned). Errors as CFFI for `void` items and
    /// items of unknown size.
    pub fn array(&mut self, item: TypeId, length: Option<usize>) -> Result<TypeId> {
        if let Some(&id) = self.interned.get(&Key::Array(item, length)) {
            return Ok(id);
        }
        match self.kind(item) {
            TypeKind::Void => {
                return Err(Error::type_error(format!(
                    "array item of unknown size: '{}'",
                    self.name(item)
                )))
            }
            TypeKind::Array { length: None, .. } => {
                return Err(Error::value(format!(
                    "array item of unknown size: '{}'",
                    self.name(item)
                )))
            }
            _ => {}
        }
        if let Some(n) = length {
            // CFFI's new_array_type: the byte size must fit a Py_ssize_t, never wrap.
            let isz = self.size_of(item).unwrap_or(0);
            if n > isize::MAX as usize || isz.checked_mul(n).is_none_or(|s| s > isize::MAX as usize)
            {
                return Err(Error::overflow("array size would overflow a Py_ssize_t"));
            }
        }
        let extra = match length {
            Some(n) => format!("[{}]", n),
            None => "[]".to_string(),
        };
        let name = self.name_with(item, &extra);
        let pos = self.get(item).name_pos;
        let id = self.push(TypeKind::Array { item, length }, name, pos);
        self.interned.insert(Key::Array(item, length), id);
        Ok(id)
    }

    /// Function type (CFFI's function ctype, i.e. pointer to function). Array arguments decay
    /// to pointers. Errors for array results and opaque struct results.
    pub fn function(&mut self, result: TypeId, args: &[TypeId], variadic: bool) -> Result<TypeId> {
        let mut adj = Vec::with_capacity(args.len());
        for &a in args {
            adj.push(match *self.kind(a) {
                TypeKind::Array { item, .. } => self.pointer(item),
                TypeKind::Void => {
                    return Err(Error::cdef("'void' can only be used as a function result"))
                }
                _ => a,
            });
        }
        // (a `Function` kind is a pointer to function: returning one is fine C)
        if let TypeKind::Array { .. } = self.kind(result) {
            return Err(Error::type_error(format!(
                "invalid result type: '{}'",
                self.name(result)
            )));
        }
        let ft = FuncType {
            result,
            args: adj,
            variadic,
        };
        let key = Key::Function(ft.clone());
        if let Some(&id) = self.interned.get(&key) {
            return Ok(id);
        }
        // RESULT_HEAD (*)(ARGS) RESULT_TAIL, as CFFI's fb_build_name.
        let r = self.get(result);
        let mut name = String::new();
        name.push_str(&r.name[..r.name_pos]);
        name.push_str("(*");
        let pos = name.len();
        name.push_str(")(");
        for (i, a) in ft.args.iter().enumerate() {
            if i > 0 {
                name.push_str(", ");
            }
            name.push_str(self.name(*a));
        }
        if variadic {
            if !ft.args.is_empty() {
                name.push_str(", ");
            }
            name.push_str("...");
        }
        name.push(')');
        let r = self.get(result);
        name.push_str(&r.name[r.name_pos..]);
        let id = self.push(TypeKind::Function(ft), name, pos);
        self.interned.insert(key, id);
        Ok(id)
    }

    /// The named struct or union `tag`, created opaque if not seen yet.
    pub fn struct_or_union(&mut self, is_union: bool, tag: &str) -> TypeId {
        let key = (kind_code(is_union), tag.to_string());
        if let Some(&id) = self.tagged.get(&key) {
            return id;
        }
        let kw = if is_union { "union" } else { "struct" };
        let name = format!("{} {}", kw, tag);
        self.new_struct(is_union, tag.to_string(), name, Some(key))
    }

    fn new_struct(
        &mut self,
        is_union: bool,
        tag: String,
        name: String,
        key: Option<(u8, String)>,
    ) -> TypeId {
        let pos = name.len();
        let id = self.push(
            TypeKind::Struct(StructType {
                is_union,
                tag,
                members: None,
                partial: false,
                pack: None,
                layout: None,
                layout_error: None,
            }),
            name,
            pos,
        );
        if let Some(key) = key {
            self.tagged.insert(key, id);
        }
        id
    }

    /// A fresh anonymous struct/union. With `typedef_name` (`typedef struct {...} div_t;`) it is
    /// spelled `div_t` (tag `$div_t`); otherwise it gets the next `$N` tag (`struct $1`).
    pub fn anonymous_struct(&mut self, is_union: bool, typedef_name: Option<&str>) -> TypeId {
        let kw = if is_union { "union" } else { "struct" };
        match typedef_name {
            Some(n) => {
                let tag = format!("${}", n);
                let key = (kind_code(is_union), tag.clone());
                if let Some(&id) = self.tagged.get(&key) {
                    return id;
                }
                self.new_struct(is_union, tag, n.to_string(), Some(key))
            }
            None => {
                self.anon_counter += 1;
                let tag = format!("${}", self.anon_counter);
                let name = format!("{} {}", kw, tag);
                self.new_struct(is_union, tag, name, None)
            }
        }
    }

    /// A struct or union spelled exactly `name`, new at each call (`_cffi_backend`'s
    /// `new_struct_type("struct foo")`: a distinct type each time, not found by name).
    pub fn fresh_struct_named(&mut self, is_union: bool, name: &str) -> TypeId {
        let kw = if is_union { "union " } else { "struct " };
        let tag = match name.strip_prefix(kw) {
            Some(t) => t.to_string(),
            None => format!("${name}"),
        };
        self.new_struct(is_union, tag, name.to_string(), None)
    }

    /// An enum spelled exactly `name`, new at each call (`_cffi_backend.new_enum_type`).
    pub fn fresh_enum_named(&mut self, name: &str) -> TypeId {
        let tag = name.strip_prefix("enum ").unwrap_or(name).to_string();
        self.push(
            TypeKind::Enum(EnumType {
                tag,
                base: None,
                values: Vec::new(),
                partial: false,
            }),
            name.to_string(),
            name.len(),
        )
    }

    /// An opaque struct spelled exactly `name` (`typedef ... Opaque;`, `FILE`).
    pub fn opaque_named(&mut self, name: &str) -> TypeId {
        let key = (0u8, format!("${}", name));
        if let Some(&id) = self.tagged.get(&key) {
            return id;
        }
        self.new_struct(false, key.1.clone(), name.to_string(), Some(key))
    }

    /// The enum `tag` (created empty and partial-free if new); `typedef_name` as for structs.
    pub fn enum_type(&mut self, tag: Option<&str>, typedef_name: Option<&str>) -> TypeId {
        let (tag, name) = match (tag, typedef_name) {
            (Some(t), _) => (t.to_string(), format!("enum {}", t)),
            (None, Some(n)) => (format!("${}", n), n.to_string()),
            (None, None) => {
                self.anon_counter += 1;
                let t = format!("${}", self.anon_counter);
                (t.clone(), format!("enum {}", t))
            }
        };
        let key = (2u8, tag.clone());
        if let Some(&id) = self.tagged.get(&key) {
            return id;
        }
        let pos = name.len();
        let id = self.push(
            TypeKind::Enum(EnumType {
                tag,
                base: None,
                values: Vec::new(),
                partial: false,
            }),
            name,
            pos,
        );
        self.tagged.insert(key, id);
        id
    }

    /// Look up a struct/union/enum by tag without creating it (`kind`: "struct"/"union"/"enum").
    pub fn find_tagged(&self, kind: &str, tag: &str) -> Option<TypeId> {
        let code = match kind {
            "struct" => 0,
            "union" => 1,
            "enum" => 2,
            _ => return None,
        };
        self.tagged.get(&(code, tag.to_string())).copied()
    }

    /// All named structs/unions (tags not starting with `$`), sorted: `(structs, unions)`.
    pub fn struct_and_union_names(&self) -> (Vec<String>, Vec<String>) {
        let mut s = Vec::new();
        let mut u = Vec::new();
        for ((code, tag), _) in self.tagged.iter() {
            if tag.starts_with('$') {
                continue;
            }
            match code {
                0 => s.push(tag.clone()),
                1 => u.push(tag.clone()),
                _ => {}
            }
        }
        s.sort();
        u.sort();
        (s, u)
    }

    /// An unknown-size number type (`typedef int... name;`).
    pub fn unknown_number(&mut self, name: &str, float: bool) -> TypeId {
        self.push(
            TypeKind::UnknownNumber {
                name: name.to_string(),
                float,
            },
            name.to_string(),
            name.len(),
        )
    }

    /// Fill in the enumerators of an enum and compute its base type as CFFI does.
    pub fn complete_enum(
        &mut self,
        id: TypeId,
        values: Vec<(String, Option<i128>)>,
        partial: bool,
    ) -> Result<()> {
        let name = self.name(id).to_string();
        let known: Vec<i128> = values.iter().filter_map(|v| v.1).collect();
        let base = if partial {
            None
        } else {
            let lo = known.iter().copied().min().unwrap_or(0);
            let hi = known.iter().copied().max().unwrap_or(0);
            Some(self.enum_base(lo, hi).ok_or_else(|| {
                Error::cdef(format!(
                    "{} values don't all fit into either 'long' or 'unsigned long'",
                    name
                ))
            })?)
        };
        match &mut self.types[id.0 as usize].kind {
            TypeKind::Enum(e) => {
                e.values = values;
                e.partial = partial;
                e.base = base;
            }
            _ => panic!("complete_enum on a non-enum"),
        }
        Ok(())
    }

    fn enum_base(&self, lo: i128, hi: i128) -> Option<TypeId> {
        let (c1, c2, sign) = if lo < 0 {
            ("int", "long", 1)
        } else {
            ("unsigned int", "unsigned long", 0)
        };
        for c in [c1, c2] {
            let bits = 8 * self.prim(self.prims[c]).unwrap().size as u32;
            if lo >= -(1i128 << (bits - 1)) && hi < (1i128 << (bits - sign)) {
                return Some(self.prims[c]);
            }
        }
        None
    }

    /// Set the base integer type of a partial enum once the compiler told it (API mode).
    pub fn set_enum_base(&mut self, id: TypeId, base: TypeId, values: Vec<(String, Option<i128>)>) {
        if let TypeKind::Enum(e) = &mut self.types[id.0 as usize].kind {
            e.base = Some(base);
            e.values = values;
        }
    }

    /// Give a struct/union its members (layout computed by [`TypeTable::finish_layouts`]).
    /// Errors if it already has a body.
    pub fn set_struct_body(
        &mut self,
        id: TypeId,
        members: Vec<Member>,
        partial: bool,
        pack: Option<usize>,
    ) -> Result<()> {
        let name = self.name(id).to_string();
        match &mut self.types[id.0 as usize].kind {
            TypeKind::Struct(s) => {
                if s.members.is_some() {
                    return Err(Error::cdef(format!("duplicate declaration of {}", name)));
                }
                s.members = Some(members);
                s.partial = partial;
                s.pack = pack;
                s.layout = None;
                s.layout_error = None;
                Ok(())
            }
            _ => panic!("set_struct_body on a non-struct"),
        }
    }

    /// Install a layout computed elsewhere (API mode: offsets and size from the compiler).
    pub fn set_struct_layout(&mut self, id: TypeId, layout: Layout) {
        if let TypeKind::Struct(s) = &mut self.types[id.0 as usize].kind {
            s.layout = Some(layout);
            s.layout_error = None;
        }
    }

    /// The struct descriptor of a struct/union type.
    pub fn struct_type(&self, id: TypeId) -> Option<&StructType> {
        match self.kind(id) {
            TypeKind::Struct(s) => Some(s),
            _ => None,
        }
    }

    /// Compute the layout of every struct that has members but no layout yet (and whose
    /// members are all known). Structs whose fields are still of unknown size get a
    /// `layout_error` (retried at the next call, in case the field type gets completed).
    pub fn finish_layouts(&mut self) {
        for i in 0..self.types.len() {
            let id = TypeId(i as u32);
            let mut stack = Vec::new();
            let _ = self.ensure_layout(id, &mut stack);
        }
    }

    fn ensure_layout(&mut self, id: TypeId, stack: &mut Vec<TypeId>) -> Result<()> {
        match self.kind(id) {
            TypeKind::Array { item, .. } => {
                let item = *item;
                self.ensure_layout(item, stack)
            }
            TypeKind::Struct(s) => {
                if s.layout.is_some() || s.members.is_none() || s.partial {
                    return Ok(());
                }
                if stack.contains(&id) {
                    return Err(Error::type_error("recursive struct"));
                }
                stack.push(id);
                let members = s.members.clone().unwrap();
                for m in &members {
                    let _ = self.ensure_layout(m.ty, stack);
                }
                stack.pop();
                let res = self.compute_layout(id, &members);
                let s = match &mut self.types[id.0 as usize].kind {
                    TypeKind::Struct(s) => s,
                    _ => unreachable!(),
                };
                match res {
                    Ok(l) => {
                        s.layout = Some(l);
                        s.layout_error = None;
                        Ok(())
                    }
                    Err(e) => {
                        s.layout_error = Some(e.clone());
                        Err(e)
                    }
                }
            }
            _ => Ok(()),
        }
    }

    /// The GCC layout algorithm, as CFFI's `complete_struct_or_union` (bitfields included).
    fn compute_layout(&self, id: TypeId, members: &[Member]) -> Result<Layout> {
        let st = self.struct_type(id).unwrap();
        let sname = self.name(id);
        let is_union = st.is_union;
        let pack = st.pack.unwrap_or(usize::MAX);
        let arm_bitfields = cfg!(target_arch = "arm");
        let mut alignment = 1usize;
        // Bit offsets are u128: a field of up to isize::MAX bytes times 8 cannot wrap them; the
        // final byte size is checked against isize::MAX (CFFI wraps there; we raise instead).
        let mut boffset = 0u128; // bits
        let mut boffsetmax = 0u128;
        let mut fields = Vec::new();
        let mut has_bitfields = false;
        let mut custom_field_pos = false;
        let mut var_sized = false;
        for (i, m) in members.iter().enumerate() {
            // A last member that is itself a var-sized struct makes this one var-sized too
            // (CFFI: `struct t { int x; struct s inner; }` with `struct s { int n; int a[]; }`).
            if i == members.len() - 1 && m.bitsize.is_none() {
                let nested = self
                    .struct_type(m.ty)
                    .and_then(|s| s.layout.as_ref())
                    .is_some_and(|l| l.var_sized);
                if nested {
                    var_sized = true;
                }
            }
            let fsize = match self.size_of(m.ty) {
                Some(s) => s,
                None => {
                    let open_array =
                        matches!(self.kind(m.ty), TypeKind::Array { length: None, .. });
                    if open_array && m.bitsize.is_none() && i == members.len() - 1 {
                        var_sized = true;
                        0
                    } else {
                        return Err(Error::type_error(format!(
                            "field '{}.{}' has ctype '{}' of unknown size",
                            sname,
                            m.name,
                            self.name(m.ty)
                        )));
                    }
                }
            };
            if is_union {
                boffset = 0;
            }
            let falign = self.align_of(m.ty).unwrap_or(1).min(pack);
            let do_align = arm_bitfields || m.bitsize.is_none() || !m.name.is_empty();
            if alignment < falign && do_align {
                alignment = falign;
            }
            match m.bitsize {
                None => {
                    let fa = falign as u128 * 8;
                    boffset = (boffset + fa - 1) & !(fa - 1);
                    let sub = if m.name.is_empty() {
                        self.struct_type(m.ty).and_then(|s| s.layout.as_ref())
                    } else {
                        None
                    };
                    if let Some(sub) = sub {
                        for f in &sub.fields {
                            let mut f = f.clone();
                            f.offset += (boffset / 8) as usize;
                            fields.push(f);
                        }
                        has_bitfields |= sub.has_bitfields;
                        custom_field_pos = true;
                    } else {
                        // CFFI marks a flexible array member with bitshift -2
                        let flexible = i == members.len() - 1
                            && matches!(self.kind(m.ty), TypeKind::Array { length: None, .. });
                        fields.push(Field {
                            name: m.name.clone(),
                            ty: m.ty,
                            offset: (boffset / 8) as usize,
                            bitshift: if flexible { -2 } else { -1 },
                            bitsize: -1,
                        });
                    }
                    boffset += fsize as u128 * 8;
                    if boffset / 8 > isize::MAX as u128 {
                        return Err(struct_too_big(sname));
                    }
                }
                Some(bits) => {
                    let bits = bits as usize;
                    let ok = self.prim(m.ty).map(|p| p.is_integer()).unwrap_or(false)
                        || matches!(self.kind(m.ty), TypeKind::Enum(_));
                    if !ok {
                        return Err(Error::type_error(format!(
                            "field '{}.{}' declared as '{}' cannot be a bit field",
                            sname,
                            m.name,
                            self.name(m.ty)
                        )));
                    }
                    if bits > 8 * fsize {
                        return Err(Error::type_error(format!(
                            "bit field '{}.{}' is declared '{}:{}', which exceeds the width of the type",
                            sname, m.name, self.name(m.ty), bits
                        )));
                    }
                    // bitfields have integer types: fsize and falign are at most 16
                    let (fsize, falign) = (fsize as u128, falign as u128);
                    let bits = bits as u128;
                    let mut field_offset_bytes = (boffset / 8) & !(falign - 1);
                    if bits == 0 {
                        if !m.name.is_empty() {
                            return Err(Error::type_error(format!(
                                "field '{}.{}' is declared with :0",
                                sname, m.name
                            )));
                        }
                        if boffset > field_offset_bytes * 8 {
                            field_offset_bytes += falign;
                        }
                        boffset = field_offset_bytes * 8;
                    } else {
                        has_bitfields = true;
                        let occupied = boffset - field_offset_bytes * 8;
                        let bitshift;
                        if occupied + bits > 8 * fsize {
                            if st.pack.is_some() && occupied & 7 != 0 {
                                return Err(Error::not_implemented(format!(
                                    "with 'packed', gcc would compile field '{}.{}' to reuse some bits in the previous field",
                                    sname, m.name
                                )));
                            }
                            field_offset_bytes += falign;
                            boffset = field_offset_bytes * 8;
                            bitshift = 0;
                        } else {
                            bitshift = occupied;
                        }
                        boffset += bits;
                        if !m.name.is_empty() {
                            fields.push(Field {
                                name: m.name.clone(),
                                ty: m.ty,
                                offset: field_offset_bytes as usize,
                                bitshift: bitshift as i32,
                                bitsize: bits as i32,
                            });
                        }
                    }
                }
            }
            boffsetmax = boffsetmax.max(boffset);
        }
        let got = boffsetmax.div_ceil(8);
        let al = alignment as u128;
        let size = (got + al - 1) & !(al - 1);
        if size > isize::MAX as u128 {
            return Err(struct_too_big(sname));
        }
        let mut size = size as usize;
        if size == 0 {
            size = 1;
        }
        Ok(Layout {
            size,
            align: alignment,
            fields,
            has_bitfields,
            custom_field_pos,
            var_sized,
        })
    }

    /// Size in bytes, `None` if unknown (void, opaque or partial structs, open arrays,
    /// `typedef int...` types, partial enums).
    pub fn size_of(&self, id: TypeId) -> Option<usize> {
        match self.kind(id) {
            TypeKind::Void | TypeKind::UnknownNumber { .. } => None,
            TypeKind::Primitive(p) => Some(p.size),
            TypeKind::Pointer(_) | TypeKind::Function(_) => Some(POINTER_SIZE),
            TypeKind::Array { item, length } => {
                let n = (*length)?;
                self.size_of(*item)?.checked_mul(n)
            }
            TypeKind::Struct(s) => s.layout.as_ref().map(|l| l.size),
            TypeKind::Enum(e) => e.base.and_then(|b| self.size_of(b)),
        }
    }

    /// Alignment in bytes, `None` if unknown.
    pub fn align_of(&self, id: TypeId) -> Option<usize> {
        match self.kind(id) {
            TypeKind::Void | TypeKind::UnknownNumber { .. } => None,
            TypeKind::Primitive(p) => Some(p.align),
            TypeKind::Pointer(_) | TypeKind::Function(_) => Some(POINTER_SIZE),
            TypeKind::Array { item, .. } => self.align_of(*item),
            TypeKind::Struct(s) => s.layout.as_ref().map(|l| l.align),
            TypeKind::Enum(e) => e.base.and_then(|b| self.align_of(b)),
        }
    }

    /// Whether a type can be used at all in ABI mode, with CFFI's error otherwise:
    /// partial structs/enums give VerificationMissing, `typedef int...` types
    /// NotImplementedError, structs with impossible layouts TypeError.
    pub fn check_usable(&self, id: TypeId) -> Result<()> {
        match self.kind(id) {
            TypeKind::Struct(s) if s.partial && s.layout.is_none() => {
                Err(Error::missing(self.name(id)))
            }
            TypeKind::Struct(s) if s.layout_error.is_some() => Err(s.layout_error.clone().unwrap()),
            TypeKind::Enum(e) if e.base.is_none() => Err(Error::missing(self.name(id))),
            TypeKind::UnknownNumber { name, float } => Err(Error::not_implemented(format!(
                "{} type '{}' can only be used after compilation",
                if *float { "float" } else { "integer" },
                name
            ))),
            TypeKind::Pointer(t) | TypeKind::Array { item: t, .. } => {
                // CFFI realizes the item type too, except for plain opaque structs.
                self.check_usable(*t)
            }
            TypeKind::Function(f) => {
                self.check_usable(f.result)?;
                f.args.iter().try_for_each(|a| self.check_usable(*a))
            }
            _ => Ok(()),
        }
    }

    /// Size for `ffi.sizeof` / allocation, with CFFI's errors for unknown sizes.
    pub fn require_size(&self, id: TypeId) -> Result<usize> {
        self.check_usable(id)?;
        self.size_of(id)
            .ok_or_else(|| Error::value(format!("ctype '{}' is of unknown size", self.name(id))))
    }

    /// The laid-out fields of a complete struct/union (flattened).
    pub fn fields(&self, id: TypeId) -> Option<&[Field]> {
        self.struct_type(id)
            .and_then(|s| s.layout.as_ref())
            .map(|l| l.fields.as_slice())
    }

    /// A field by name (anonymous members' fields included).
    pub fn field(&self, id: TypeId, name: &str) -> Option<&Field> {
        self.fields(id)?.iter().find(|f| f.name == name)
    }

    /// The pointed-to / item type of a pointer or array.
    pub fn item(&self, id: TypeId) -> Option<TypeId> {
        match self.kind(id) {
            TypeKind::Pointer(t) | TypeKind::Array { item: t, .. } => Some(*t),
            _ => None,
        }
    }

    /// The function descriptor of a function type.
    pub fn func(&self, id: TypeId) -> Option<&FuncType> {
        match self.kind(id) {
            TypeKind::Function(f) => Some(f),
            _ => None,
        }
    }

    /// The enum descriptor of an enum type.
    pub fn enum_info(&self, id: TypeId) -> Option<&EnumType> {
        match self.kind(id) {
            TypeKind::Enum(e) => Some(e),
            _ => None,
        }
    }

    /// The enumerator name for a value (the first declared one), as in
    /// `<cdata 'enum color' 5: GREEN>`.
    pub fn enum_name_of(&self, id: TypeId, value: i128) -> Option<&str> {
        self.enum_info(id)?
            .values
            .iter()
            .find(|(_, v)| *v == Some(value))
            .map(|(n, _)| n.as_str())
    }

    /// The integer type used to store a value of an integer-like type: the primitive itself, or
    /// the base type of an enum.
    pub fn integer_repr(&self, id: TypeId) -> Option<&'static Prim> {
        match self.kind(id) {
            TypeKind::Primitive(p) if p.is_integer() => Some(p),
            TypeKind::Enum(e) => e.base.and_then(|b| self.prim(b)),
            _ => None,
        }
    }

    /// True for pointers, arrays and function pointers.
    pub fn is_pointer_like(&self, id: TypeId) -> bool {
        matches!(
            self.kind(id),
            TypeKind::Pointer(_) | TypeKind::Array { .. } | TypeKind::Function(_)
        )
    }

    /// The `char` primitive type (`char[]`, `char *` checks).
    pub fn is_char(&self, id: TypeId) -> bool {
        matches!(self.prim(id), Some(p) if p.kind == PrimKind::Char)
    }
}

/// A struct or union whose size would not fit a `Py_ssize_t` (CFFI silently wraps such a size;
/// minipy refuses the layout with an OverflowError).
fn struct_too_big(sname: &str) -> Error {
    Error::overflow(format!("size of '{sname}' would overflow a Py_ssize_t"))
}
