//! Direct calls: the common C signatures called through a Rust `extern "C"` function pointer
//! instead of libffi's generic `ffi_call` (which interprets the cif on every call: about 300
//! instructions, more than the rest of a cffi call).
//!
//! Covered: 0 to 6 arguments that are all integer-class (integers up to 8 bytes, `char`, `_Bool`,
//! enums, pointers), or 1 to 4 arguments that are all `double`; results of those classes or `void`.
//! On x86-64 System V and AArch64 (AAPCS64) such arguments travel in the integer (resp. floating
//! point) argument registers in order, so a callee declared `int f(short, char *)` is called
//! correctly as `extern "C" fn(i64, i64) -> i64` once each argument is widened as C's caller does
//! (sign- or zero-extended by its type) and the result is narrowed by its type. Anything else
//! (float, long double, structs, variadic calls, other targets) keeps using libffi.
//! Invariant: a `Direct` is built only from a function type whose every argument and result was
//! classified here; the argument buffers hold values of exactly those types.

use crate::ctype::{PrimKind, TypeId, TypeKind, TypeTable};
use std::ffi::c_void;

/// How one integer-class value is read from (or written to) its buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntRepr {
    pub size: u8,
    pub signed: bool,
}

/// The shape of a directly callable signature.
#[derive(Clone, Debug, PartialEq)]
pub enum Direct {
    /// All arguments integer-class.
    Ints { args: Vec<IntRepr>, ret: DirectRet },
    /// All arguments `double`.
    Doubles { nargs: usize, ret: DirectRet },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectRet {
    Void,
    Int(IntRepr),
    Double,
}

enum Class {
    Int(IntRepr),
    Double,
}

fn classify(tt: &TypeTable, ty: TypeId) -> Option<Class> {
    if tt.is_pointer_like(ty) {
        return Some(Class::Int(IntRepr {
            size: std::mem::size_of::<usize>() as u8,
            signed: false,
        }));
    }
    if let Some(p) = tt.integer_repr(ty) {
        if p.size > 8 || p.kind == PrimKind::UniChar && p.size > 4 {
            return None;
        }
        return Some(Class::Int(IntRepr {
            size: p.size as u8,
            signed: p.kind == PrimKind::Signed,
        }));
    }
    match tt.kind(ty) {
        TypeKind::Primitive(p) if p.kind == PrimKind::Float && p.size == 8 => Some(Class::Double),
        _ => None,
    }
}

impl Direct {
    /// The direct form of function type `fn_type`, if its signature is covered (see the header).
    pub fn of(tt: &TypeTable, fn_type: TypeId) -> Option<Direct> {
        if !cfg!(any(target_arch = "x86_64", target_arch = "aarch64")) {
            return None;
        }
        let f = tt.func(fn_type)?;
        if f.variadic {
            return None;
        }
        let ret = match tt.kind(f.result) {
            TypeKind::Void => DirectRet::Void,
            _ => match classify(tt, f.result)? {
                Class::Int(r) => DirectRet::Int(r),
                Class::Double => DirectRet::Double,
            },
        };
        let classes: Vec<Class> = f
            .args
            .iter()
            .map(|&a| classify(tt, a))
            .collect::<Option<_>>()?;
        if classes.iter().all(|c| matches!(c, Class::Int(_))) && classes.len() <= 6 {
            let args = classes
                .iter()
                .map(|c| match c {
                    Class::Int(r) => *r,
                    Class::Double => unreachable!(),
                })
                .collect();
            return Some(Direct::Ints { args, ret });
        }
        if !classes.is_empty()
            && classes.len() <= 4
            && classes.iter().all(|c| matches!(c, Class::Double))
        {
            return Some(Direct::Doubles {
                nargs: classes.len(),
                ret,
            });
        }
        None
    }

    /// Calls `code` like [`crate::call::CallInterface::call`] would.
    ///
    /// # Safety
    /// `code` is a C function of the type this `Direct` was built from; `args[i]` points to a
    /// valid value of argument i's type; `ret` is a writable 16-byte aligned buffer of at least
    /// 8 bytes (unused for void).
    pub unsafe fn call(&self, code: *const c_void, args: &[*mut c_void], ret: *mut c_void) {
        match self {
            Direct::Ints {
                args: reprs,
                ret: r,
            } => {
                let mut a = [0i64; 6];
                for (i, rep) in reprs.iter().enumerate() {
                    // SAFETY: args[i] points to a value of this integer type (caller's contract).
                    a[i] = unsafe { read_int(args[i] as *const u8, *rep) };
                }
                // SAFETY: code has this many integer-class arguments (caller's contract); the
                // registers beyond them are ignored by the callee.
                let raw = unsafe { call_ints(code, reprs.len(), &a, *r) };
                // SAFETY: ret is a writable 8-byte buffer (caller's contract).
                unsafe { store_ret(ret, *r, raw) };
            }
            Direct::Doubles { nargs, ret: r } => {
                let mut a = [0f64; 4];
                for (i, slot) in a.iter_mut().enumerate().take(*nargs) {
                    // SAFETY: args[i] points to a double (caller's contract).
                    *slot = unsafe { std::ptr::read_unaligned(args[i] as *const f64) };
                }
                // SAFETY: as above, for double arguments.
                let raw = unsafe { call_doubles(code, *nargs, &a, *r) };
                // SAFETY: ret is a writable 8-byte buffer (caller's contract).
                unsafe { store_ret(ret, *r, raw) };
            }
        }
    }
}

/// The value of an integer argument widened to 64 bits as a C caller would.
unsafe fn read_int(p: *const u8, r: IntRepr) -> i64 {
    // SAFETY: p points to `r.size` readable bytes (caller's contract).
    unsafe {
        match (r.size, r.signed) {
            (1, true) => *(p as *const i8) as i64,
            (1, false) => *p as i64,
            (2, true) => std::ptr::read_unaligned(p as *const i16) as i64,
            (2, false) => std::ptr::read_unaligned(p as *const u16) as i64,
            (4, true) => std::ptr::read_unaligned(p as *const i32) as i64,
            (4, false) => std::ptr::read_unaligned(p as *const u32) as i64,
            _ => std::ptr::read_unaligned(p as *const i64),
        }
    }
}

/// A raw 64-bit result: integer bits, or a double's bits.
type Raw = u64;

/// Writes a result as libffi does: integers narrower than 8 bytes widened by their type.
unsafe fn store_ret(ret: *mut c_void, r: DirectRet, raw: Raw) {
    let v: u64 = match r {
        DirectRet::Void => return,
        DirectRet::Double => raw,
        DirectRet::Int(rep) => match (rep.size, rep.signed) {
            (1, true) => raw as i8 as i64 as u64,
            (1, false) => raw as u8 as u64,
            (2, true) => raw as i16 as i64 as u64,
            (2, false) => raw as u16 as u64,
            (4, true) => raw as i32 as i64 as u64,
            (4, false) => raw as u32 as u64,
            _ => raw,
        },
    };
    // SAFETY: ret is a writable buffer of at least 8 bytes (caller's contract).
    unsafe { std::ptr::write_unaligned(ret as *mut u64, v) };
}

/// Calls `code` as an `extern "C" fn(types...) -> result class`, returning the raw result bits.
macro_rules! call_as {
    ($code:expr, $r:expr, ($($t:ty),*), ($($a:expr),*)) => {{
        match $r {
            DirectRet::Double => {
                // SAFETY: the caller's contract: code takes exactly these argument classes and
                // returns a double.
                let f: extern "C" fn($($t),*) -> f64 = unsafe { std::mem::transmute($code) };
                f($($a),*).to_bits()
            }
            DirectRet::Void => {
                // SAFETY: as above, returning nothing.
                let f: extern "C" fn($($t),*) = unsafe { std::mem::transmute($code) };
                f($($a),*);
                0
            }
            DirectRet::Int(_) => {
                // SAFETY: as above; a narrower integer result is narrowed by store_ret.
                let f: extern "C" fn($($t),*) -> i64 = unsafe { std::mem::transmute($code) };
                f($($a),*) as u64
            }
        }
    }};
}

/// # Safety
/// `code` takes `n` integer-class arguments and returns the class `r` describes.
unsafe fn call_ints(code: *const c_void, n: usize, a: &[i64; 6], r: DirectRet) -> Raw {
    match n {
        0 => call_as!(code, r, (), ()),
        1 => call_as!(code, r, (i64), (a[0])),
        2 => call_as!(code, r, (i64, i64), (a[0], a[1])),
        3 => call_as!(code, r, (i64, i64, i64), (a[0], a[1], a[2])),
        4 => call_as!(code, r, (i64, i64, i64, i64), (a[0], a[1], a[2], a[3])),
        5 => call_as!(
            code,
            r,
            (i64, i64, i64, i64, i64),
            (a[0], a[1], a[2], a[3], a[4])
        ),
        _ => call_as!(
            code,
            r,
            (i64, i64, i64, i64, i64, i64),
            (a[0], a[1], a[2], a[3], a[4], a[5])
        ),
    }
}

/// # Safety
/// `code` takes `n` double arguments and returns the class `r` describes.
unsafe fn call_doubles(code: *const c_void, n: usize, a: &[f64; 4], r: DirectRet) -> Raw {
    match n {
        1 => call_as!(code, r, (f64), (a[0])),
        2 => call_as!(code, r, (f64, f64), (a[0], a[1])),
        3 => call_as!(code, r, (f64, f64, f64), (a[0], a[1], a[2])),
        _ => call_as!(code, r, (f64, f64, f64, f64), (a[0], a[1], a[2], a[3])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cdef::{CdefOptions, Decl, Declarations};

    extern "C" fn add3(a: i32, b: i16, c: u8) -> i32 {
        a + b as i32 + c as i32
    }
    extern "C" fn neg_short(a: i16) -> i16 {
        -a
    }
    extern "C" fn hyp(a: f64, b: f64) -> f64 {
        (a * a + b * b).sqrt()
    }
    extern "C" fn ptr_diff(a: *const u8, b: *const u8) -> isize {
        b as isize - a as isize
    }

    fn fn_type(src: &str, name: &str) -> (Declarations, TypeId) {
        let mut d = Declarations::new();
        d.cdef(src, &CdefOptions::default()).unwrap();
        let t = match d.lookup(name) {
            Some(Decl::Function { ty, .. }) => *ty,
            other => panic!("{name} is {other:?}"),
        };
        (d, t)
    }

    fn ptr<T>(x: &T) -> *mut c_void {
        x as *const T as *mut c_void
    }

    #[test]
    fn classifies_and_calls() {
        let mut ret = [0u64; 2];
        let out = ret.as_mut_ptr() as *mut c_void;

        let (d, t) = fn_type("int add3(int, short, unsigned char);", "add3");
        let dc = Direct::of(&d.types, t).expect("direct");
        let (a, b, c) = (40i32, -3i16, 200u8);
        // SAFETY: add3 has the declared signature; the arguments point to values of their types.
        unsafe { dc.call(add3 as *const c_void, &[ptr(&a), ptr(&b), ptr(&c)], out) };
        assert_eq!(ret[0] as i64, 237);

        let (d, t) = fn_type("short neg_short(short);", "neg_short");
        let dc = Direct::of(&d.types, t).expect("direct");
        let x = 5i16;
        // SAFETY: as above.
        unsafe { dc.call(neg_short as *const c_void, &[ptr(&x)], out) };
        assert_eq!(
            ret[0] as i64, -5,
            "narrow results are sign-extended as libffi does"
        );

        let (d, t) = fn_type("double hyp(double, double);", "hyp");
        let dc = Direct::of(&d.types, t).expect("direct");
        let (x, y) = (3.0f64, 4.0f64);
        // SAFETY: as above.
        unsafe { dc.call(hyp as *const c_void, &[ptr(&x), ptr(&y)], out) };
        assert_eq!(f64::from_bits(ret[0]), 5.0);

        let (d, t) = fn_type("long ptr_diff(char *, char *);", "ptr_diff");
        let dc = Direct::of(&d.types, t).expect("direct");
        let buf = [0u8; 8];
        let (p, q) = (buf.as_ptr(), buf.as_ptr().wrapping_add(5));
        // SAFETY: as above.
        unsafe { dc.call(ptr_diff as *const c_void, &[ptr(&p), ptr(&q)], out) };
        assert_eq!(ret[0] as i64, 5);
    }

    #[test]
    fn leaves_the_rest_to_libffi() {
        for (src, name) in [
            ("float f(float);", "f"),
            ("double g(int, double);", "g"),
            ("int h(int, ...);", "h"),
            ("struct s { int a; }; struct s k(int);", "k"),
            ("int m(int, int, int, int, int, int, int);", "m"),
        ] {
            let (d, t) = fn_type(src, name);
            assert!(Direct::of(&d.types, t).is_none(), "{src}");
        }
    }
}
