//! The builtin functions (print, len, iterators, sorted, min/max/sum, numeric helpers, attribute and
//! introspection functions, input, exit), plus shared argument helpers. sorted() uses the merge
//! sort of sort.rs.

use crate::bytecode::{BinOp, CmpOp};
use crate::obj::layout::*;
use crate::objects::args::count_error;
use crate::objects::generator::raise_stop_iteration;
use crate::objects::list::sort::sort_list_slot;
use crate::vm::drain::Accept;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub fn install(vm: &mut Vm) {
    let fns: &[(&str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("__import__", dunder_import),
        ("sorted", sorted),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("abs", abs),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("any", any),
        ("all", all),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("bin", bin),
        ("oct", oct),
        ("repr", repr),
        ("ascii", ascii),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("id", id),
        ("hash", hash),
        ("iter", iter),
        ("next", next),
        ("callable", callable),
        ("format", format),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals),
        ("input", input),
        ("exit", exit),
        ("quit", exit),
    ];
    for (name, f) in fns {
        vm.add_builtin(name, *f);
    }
}

// ---- argument helpers (shared with the modules) -------------------------------------------------

// Moved down into objects (the types' constructors use them); re-exported for the builtins.
pub use crate::objects::args::{nkw, no_kwargs, pin_kwnames, scoped};
pub use crate::objects::float::float_to_int;
pub use crate::objects::int::storage::index_bigint;

/// Rejects keywords not in `allowed` with CPython's "'k' is an invalid keyword argument for f()".
pub fn invalid_kwargs(vm: &mut Vm, a: &Args, fname: &str, allowed: &[&str]) -> PyResult<()> {
    for j in 0..nkw(vm, a) {
        let k = vm.tuple_items(a.kwnames)[j];
        let name = vm.str_of(k).to_string();
        if !allowed.contains(&name.as_str()) {
            return Err(vm.type_error(format!(
                "'{name}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    Ok(())
}

/// Exactly one positional argument, no keywords: `f() takes exactly one argument (n given)`.
pub fn one_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Value> {
    no_kwargs(vm, a, fname)?;
    if a.n != 1 {
        return Err(vm.type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            a.n
        )));
    }
    Ok(vm.arg(a, 0))
}

/// Between `lo` and `hi` positional arguments, no keywords: `f expected N arguments, got n`.
pub fn npos_range(vm: &mut Vm, a: &Args, fname: &str, lo: usize, hi: usize) -> PyResult<usize> {
    no_kwargs(vm, a, fname)?;
    match count_error(fname, lo, hi, a.n) {
        Some(msg) => Err(vm.type_error(msg)),
        None => Ok(a.n),
    }
}

/// Positional argument `i`, else keyword `name`.
pub fn opt_arg(vm: &Vm, a: &Args, i: usize, name: &str) -> Option<Value> {
    if i < vm.npos(a) {
        Some(vm.arg(a, i))
    } else {
        vm.kwarg(a, name)
    }
}

/// Is `v` None or null?
pub fn is_none(vm: &Vm, v: Value) -> bool {
    v.is_null() || v == vm.none()
}

/// An integer operand as i64 (`__index__` protocol); OverflowError when it does not fit.
pub fn index_i64(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = vm.to_i64(v) {
        return Ok(i);
    }
    let n = index_bigint(vm, v)?;
    match n.to_i64() {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

// ---- sorting (the merge sort itself lives in sort.rs) ------------------------------------------

fn sorted(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    invalid_kwargs(vm, &a, "sort", &["key", "reverse"])?;
    let npos = vm.npos(&a);
    if npos != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {npos}")));
    }
    let reverse = match vm.kwarg(&a, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let l = vm.to_list(vm.arg(&a, 0))?;
    scoped(vm, |vm, base| {
        vm.push(l);
        let key = vm.kwarg(&a, "key").unwrap_or(Value::NULL);
        sort_list_slot(vm, base, key, reverse)?;
        Ok(vm.at(base))
    })
}

// ---- output and input ----------------------------------------------------------------------------

/// sep/end argument of print: None, or a str.
fn print_str_arg(vm: &mut Vm, a: &Args, name: &str, dflt: &str) -> PyResult<String> {
    match vm.kwarg(a, name) {
        Some(s) if s != vm.none() => {
            if !vm.is(s, Kind::Str) {
                let tn = vm.type_name(s);
                return Err(vm.type_error(format!("{name} must be None or a string, not {tn}")));
            }
            Ok(vm.str_of(s).to_string())
        }
        _ => Ok(dflt.to_string()),
    }
}

/// `sys.stdout` when a program replaced it (contextlib.redirect_stdout): None while it is still the
/// native stream (an instance with an `_fd` attribute), which print writes to directly.
fn redirected_stdout(vm: &mut Vm) -> Option<Value> {
    let (ks, ko, kfd) = (vm.intern("sys"), vm.intern("stdout"), vm.intern("_fd"));
    let mods = vm.roots.modules;
    let sys = vm.dict_get_str(mods, ks)?;
    let d = vm.instance_dict(sys)?;
    let out = vm.dict_get_str(d, ko)?;
    if let Some(od) = vm.instance_dict(out) {
        if vm.dict_get_str(od, kfd).is_some() {
            return None;
        }
    }
    Some(out)
}

fn print(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "print", &["sep", "end", "file", "flush"])?;
    let n = vm.npos(&a);
    let sep = print_str_arg(vm, &a, "sep", " ")?;
    let end = print_str_arg(vm, &a, "end", "\n")?;
    // keyword values are read before any GC point (see kwnames in the report) and kept on the stack
    let file = vm.kwarg(&a, "file").filter(|f| !is_none(vm, *f));
    let flush = vm.kwarg(&a, "flush");
    scoped(vm, |vm, base| {
        vm.push(file.unwrap_or(Value::NULL));
        vm.push(flush.unwrap_or(Value::NULL));
        if vm.at(base).is_null() {
            if let Some(f) = redirected_stdout(vm) {
                vm.set_at(base, f);
            }
        }
        let mut out = String::new();
        // Where each piece (an item, a sep, the end) starts in `out`.
        let mut cuts = vec![0];
        for i in 0..n {
            if i > 0 {
                out.push_str(&sep);
                cuts.push(out.len());
            }
            let s = vm.str_value(vm.arg(&a, i))?;
            out.push_str(vm.str_of(s));
            cuts.push(out.len());
        }
        out.push_str(&end);
        cuts.push(out.len());
        let flush = !vm.at(base + 1).is_null() && vm.truthy(vm.at(base + 1))?;
        if vm.at(base).is_null() {
            if crate::unicode::has_surrogates(&out) {
                // CPython writes the pieces one by one: those before a lone surrogate appear, and
                // the error's position is within the failing piece.
                for w in cuts.windows(2) {
                    vm.write_stdout_checked(&out[w[0]..w[1]])?;
                }
            } else {
                vm.write_stdout_checked(&out)?;
            }
            if flush {
                vm.flush_stdout_checked()?;
            }
            return Ok(vm.none());
        }
        // CPython writes each item, separator and end with its own write() call
        for w in cuts.windows(2) {
            let f = vm.getattr_str(vm.at(base), "write")?;
            vm.push(f);
            let s = vm.new_str(&out[w[0]..w[1]]);
            let f = vm.pop();
            vm.call(f, &[s?])?;
        }
        if flush {
            let fl = vm.getattr_str(vm.at(base), "flush")?;
            vm.call(fl, &[])?;
        }
        Ok(vm.none())
    })
}

fn input(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "input", 0, 1)?;
    if a.n == 1 {
        let s = vm.str_string(vm.arg(&a, 0))?;
        vm.write_stdout(&s);
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.raise("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            vm.new_str(&line)
        }
        Err(e) => Err(vm.raise("OSError", &e.to_string())),
    }
}

/// Raises SystemExit(code), with `code` also set as an attribute (used by exit() and sys.exit()).
pub fn raise_system_exit(vm: &mut Vm, code: Option<Value>) -> PyResult<Value> {
    scoped(vm, |vm, base| {
        let t = vm.builtin_type("SystemExit");
        vm.push(t);
        let n = match code {
            Some(c) => {
                vm.push(c);
                1
            }
            None => 0,
        };
        let args = vm.new_tuple_from_stack(n)?;
        vm.push(args);
        let e = vm.new_exception_obj(base, base + 1)?;
        vm.push(e);
        let c = if n == 1 {
            vm.tuple_items(vm.at(base + 1))[0]
        } else {
            vm.none()
        };
        let k = vm.intern("code");
        let d = vm.obj::<InstanceObj>(e).dict;
        vm.dict_set(d, k, c)?;
        Err(vm.raise_value(vm.at(base + 2)))
    })
}

fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "exit", 0, 1)?;
    let code = if a.n == 1 { Some(vm.arg(&a, 0)) } else { None };
    raise_system_exit(vm, code)
}

// ---- len, repr, conversions --------------------------------------------------------------------

fn len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "len")?;
    let n = vm.len(v)?;
    vm.new_int(n as i64)
}

fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "repr")?;
    vm.repr(v)
}

fn ascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "ascii")?;
    vm.ascii(v)
}

fn format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = npos_range(vm, &a, "format", 1, 2)?;
    let spec = if n == 2 { vm.arg(&a, 1) } else { Value::NULL };
    if !spec.is_null() && !vm.is(spec, Kind::Str) {
        let tn = vm.type_name(spec);
        return Err(vm.type_error(format!("format() argument 2 must be str, not {tn}")));
    }
    vm.format(vm.arg(&a, 0), spec)
}

/// Registers `__format__` on the builtin types whose formatting is `crate::format`'s.
pub fn install_dunder_format(vm: &mut Vm) {
    for t in ["object", "int", "float", "complex", "str", "bool"] {
        vm.add_method(t, "__format__", dunder_format);
    }
}

/// x.__format__(spec)
fn dunder_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 2 {
        return Err(vm.type_error(format!(
            "__format__() takes exactly one argument ({} given)",
            a.n.saturating_sub(1)
        )));
    }
    let spec = vm.arg(&a, 1);
    if !vm.is(spec, Kind::Str) {
        let tn = vm.type_name(spec);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    }
    let text = vm.str_of(spec).to_string();
    let v = vm.arg(&a, 0);
    if let Some(b) = vm.boxed_base(v).filter(|_| !text.is_empty()) {
        return vm.format_builtin(b, &text);
    }
    if v.is_ptr() && matches!(vm.kind(v), Kind::Instance | Kind::Foreign) {
        if text.is_empty() {
            return vm.str_value(v);
        }
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    vm.format_builtin(v, &text)
}

fn chr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "chr")?;
    let n = index_bigint(vm, v)?;
    let c = n.to_u32().filter(|&c| c < 0x110000);
    match c {
        Some(c) => {
            let Some(ch) = crate::unicode::char_of(c) else {
                return Err(vm.value_error(crate::unicode::reserved_message(c)));
            };
            let mut buf = [0u8; 4];
            let s: &str = ch.encode_utf8(&mut buf);
            vm.new_str(s)
        }
        None => match n.to_i64() {
            Some(_) => Err(vm.value_error("chr() arg not in range(0x110000)")),
            None => Err(vm.overflow_error("Python int too large to convert to C int")),
        },
    }
}

fn ord(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "ord")?;
    let (what, n, code) = if vm.is(v, Kind::Str) {
        let s = vm.str_of(v);
        let mut it = s.chars();
        let first = it.next().map(|c| crate::unicode::code_of(c) as i64);
        let count = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        ("string", count, first)
    } else if vm.is(v, Kind::Bytes) {
        let b = vm.bytes_of(v);
        ("string", b.len(), b.first().map(|&c| c as i64))
    } else if vm.is(v, Kind::ByteArray) {
        let b = vm.bytearray_mut(v);
        ("string", b.len(), b.first().map(|&c| c as i64))
    } else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")));
    };
    match (n, code) {
        (1, Some(c)) => vm.new_int(c),
        _ => Err(vm.type_error(format!(
            "ord() expected a character, but {what} of length {n} found"
        ))),
    }
}

/// hex/oct/bin: `prefix` plus the magnitude in `radix`, with the sign in front.
fn radix_repr(vm: &mut Vm, a: &Args, fname: &str, radix: u32, prefix: &str) -> PyResult<Value> {
    let v = one_arg(vm, a, fname)?;
    let n = index_bigint(vm, v)?;
    let digits = n.abs().to_str_radix(radix);
    let sign = if n.is_negative() { "-" } else { "" };
    vm.new_str(&format!("{sign}{prefix}{digits}"))
}

fn hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    radix_repr(vm, &a, "hex", 16, "0x")
}
fn oct(vm: &mut Vm, a: Args) -> PyResult<Value> {
    radix_repr(vm, &a, "oct", 8, "0o")
}
fn bin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    radix_repr(vm, &a, "bin", 2, "0b")
}

// ---- iterators -----------------------------------------------------------------------------------

fn iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = npos_range(vm, &a, "iter", 1, 2)?;
    if n == 1 {
        return vm.get_iter(vm.arg(&a, 0));
    }
    let f = vm.arg(&a, 0);
    if !is_callable(vm, f) {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    vm.new_callable_iter(f, vm.arg(&a, 1))
}

fn next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = npos_range(vm, &a, "next", 1, 2)?;
    let it = vm.arg(&a, 0);
    let is_iter = vm.is_builtin_iterator(it);
    if !is_iter
        && !vm.is(it, Kind::Generator)
        && (!it.is_ptr() || vm.special(it, "__next__").is_none())
    {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    }
    if n == 1 && vm.is(it, Kind::Instance) {
        // a Python __next__: its StopIteration (and the value it carries) propagates as raised
        if let Some(m) = vm.special(it, "__next__") {
            return vm.call(m, &[vm.arg(&a, 0)]);
        }
    }
    if vm.is(it, Kind::Generator) && n == 1 {
        return match vm.gen_send(it, vm.none())? {
            crate::vm::gen::GenResult::Yield(v) => Ok(v),
            crate::vm::gen::GenResult::Return(r) => Err(raise_stop_iteration(vm, r)),
        };
    }
    if n == 1 && vm.is(it, Kind::Instance) {
        // a Python iterator's own StopIteration (with its args) propagates as raised
        if let Some(f) = vm.special(it, "__next__") {
            let it = vm.arg(&a, 0);
            return vm.call(f, &[it]);
        }
    }
    // a wrapper's source's StopIteration propagates with its value (CPython's tp_iternext)
    match vm.next_raw(it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) if n == 2 => Ok(vm.arg(&a, 1)),
        Ok(None) => Err(raise_stop_iteration(vm, Value::NULL)),
        Err(_) if n == 2 && vm.exc_matches(vm.roots.exc, "StopIteration") => {
            vm.take_exc();
            Ok(vm.arg(&a, 1))
        }
        Err(e) => Err(e),
    }
}

// ---- reductions ----------------------------------------------------------------------------------

/// any()/all(): the first item whose truth equals `stop_on` decides.
fn any_all(vm: &mut Vm, a: Args, fname: &str, stop_on: bool) -> PyResult<Value> {
    let v = one_arg(vm, &a, fname)?;
    let it = vm.get_iter(v)?;
    scoped(vm, |vm, base| {
        vm.push(it);
        while let Some(x) = vm.next(vm.at(base))? {
            if vm.truthy(x)? == stop_on {
                return Ok(vm.bool_val(stop_on));
            }
        }
        Ok(vm.bool_val(!stop_on))
    })
}

fn any(vm: &mut Vm, a: Args) -> PyResult<Value> {
    any_all(vm, a, "any", true)
}
fn all(vm: &mut Vm, a: Args) -> PyResult<Value> {
    any_all(vm, a, "all", false)
}

fn min(vm: &mut Vm, a: Args) -> PyResult<Value> {
    min_max(vm, a, false)
}
fn max(vm: &mut Vm, a: Args) -> PyResult<Value> {
    min_max(vm, a, true)
}

fn min_max(vm: &mut Vm, a: Args, is_max: bool) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    let fname = if is_max { "max" } else { "min" };
    invalid_kwargs(vm, &a, fname, &["key", "default"])?;
    let npos = vm.npos(&a);
    if npos == 0 {
        return Err(vm.type_error(format!("{fname} expected at least 1 argument, got 0")));
    }
    let default = vm.kwarg(&a, "default");
    if npos > 1 && default.is_some() {
        return Err(vm.type_error(format!(
            "Cannot specify a default for {fname}() with multiple positional arguments"
        )));
    }
    let has_key = vm.kwarg(&a, "key").is_some_and(|k| !is_none(vm, k));
    scoped(vm, |vm, base| {
        let src = if npos == 1 {
            vm.arg(&a, 0)
        } else {
            for i in 0..npos {
                vm.push(vm.arg(&a, i));
            }
            vm.new_tuple_from_stack(npos)?
        };
        let it = vm.get_iter(src)?;
        // [it, key, best, bestkey]
        vm.push(it);
        let key = vm.kwarg(&a, "key").filter(|_| has_key);
        vm.push(key.unwrap_or(Value::NULL));
        vm.push(Value::NULL);
        vm.push(Value::NULL);
        let op = if is_max { CmpOp::Gt } else { CmpOp::Lt };
        // (x and its key pushed above whatever the stack holds: drain_iter keeps a value there)
        let mut step = |vm: &mut Vm, x: Value| -> PyResult<()> {
            let top = vm.sp();
            vm.push(x);
            let k = if !has_key {
                x
            } else {
                vm.call(vm.at(base + 1), &[x])?
            };
            vm.push(k);
            let better = if vm.at(base + 2).is_null() {
                true
            } else {
                let r = vm.compare(k, vm.at(base + 3), op)?;
                vm.truthy(r)?
            };
            if better {
                vm.set_at(base + 2, vm.at(top));
                vm.set_at(base + 3, vm.at(top + 1));
            }
            vm.truncate(top);
            Ok(())
        };
        if !has_key && vm.is(vm.at(base), Kind::Generator) {
            // numbers compared with numbers: no Python code runs, nothing fails (vm/drain.rs)
            vm.drain_iter(base, Accept::Number, &mut step)?;
        } else {
            while let Some(x) = vm.next(vm.at(base))? {
                step(vm, x)?;
            }
        }
        if !vm.at(base + 2).is_null() {
            return Ok(vm.at(base + 2));
        }
        match vm.kwarg(&a, "default") {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{fname}() arg is an empty sequence"))),
        }
    })
}

fn sum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "sum", &["start"])?;
    let npos = vm.npos(&a);
    if npos == 0 {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if a.n > 2 {
        return Err(vm.type_error(format!("sum() takes at most 2 arguments ({} given)", a.n)));
    }
    // gc-safe: re-read below when given; otherwise the immediate 0, which never moves
    let start = opt_arg(vm, &a, 1, "start").unwrap_or(Value::from_int(0).unwrap());
    if start.is_ptr() {
        let what = match vm.kind(start) {
            Kind::Str => Some("strings [use ''.join(seq) instead]"),
            Kind::Bytes => Some("bytes [use b''.join(seq) instead]"),
            Kind::ByteArray => Some("bytearray [use b''.join(seq) instead]"),
            _ => None,
        };
        if let Some(w) = what {
            return Err(vm.type_error(format!("sum() can't sum {w}")));
        }
    }
    let it = vm.get_iter(vm.arg(&a, 0))?;
    scoped(vm, |vm, base| {
        vm.push(it);
        vm.push(opt_arg(vm, &a, 1, "start").unwrap_or(start));
        let acc = vm.at(base + 1);
        if vm.is(it, Kind::Generator) && (acc.is_int() || vm.is(acc, Kind::Float)) {
            // numbers added to a number: no Python code runs, nothing fails (vm/drain.rs)
            vm.drain_iter(base, Accept::Number, &mut |vm, x| {
                let r = sum_step(vm, vm.at(base + 1), x)?;
                vm.set_at(base + 1, r);
                Ok(())
            })?;
            return Ok(vm.at(base + 1));
        }
        while let Some(x) = vm.next(vm.at(base))? {
            let acc = vm.at(base + 1);
            let r = sum_step(vm, acc, x)?;
            vm.set_at(base + 1, r);
        }
        Ok(vm.at(base + 1))
    })
}

/// acc + x with small-int and float fast paths.
fn sum_step(vm: &mut Vm, acc: Value, x: Value) -> PyResult<Value> {
    if acc.is_int() && x.is_int() {
        if let Some(v) = acc
            .as_int()
            .checked_add(x.as_int())
            .and_then(Value::from_int)
        {
            return Ok(v);
        }
    }
    if vm.is(acc, Kind::Float) {
        let y = if vm.is(x, Kind::Float) {
            Some(vm.float_val(x))
        } else if x.is_int() {
            Some(x.as_int() as f64)
        } else {
            None
        };
        if let Some(y) = y {
            let s = vm.float_val(acc) + y;
            return vm.new_float(s);
        }
    }
    vm.binary_op(acc, x, BinOp::Add)
}

// ---- numbers -------------------------------------------------------------------------------------

fn abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "abs")?;
    if v.is_int() {
        return vm.new_bigint(BigInt::from(v.as_int()).abs());
    }
    match vm.kind(v) {
        Kind::Float => {
            let f = vm.float_val(v).abs();
            vm.new_float(f)
        }
        Kind::BigInt | Kind::Bool => {
            let n = vm.to_bigint(v).unwrap_or_default();
            vm.new_bigint(n.abs())
        }
        _ => {
            if let Some(f) = vm.special(v, "__abs__") {
                return vm.call(f, &[v]);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")))
        }
    }
}

fn is_number(vm: &Vm, v: Value) -> bool {
    vm.is_int(v) || vm.is(v, Kind::Float)
}

fn divmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "divmod", 2, 2)?;
    let (x, y) = (vm.arg(&a, 0), vm.arg(&a, 1));
    if is_number(vm, x) && is_number(vm, y) {
        if vm.is(x, Kind::Float) || vm.is(y, Kind::Float) {
            let yf = float_of(vm, y)?;
            if yf == 0.0 {
                return Err(vm.zero_div("float divmod()"));
            }
        }
        return scoped(vm, |vm, _| {
            let q = vm.binary_op(vm.arg(&a, 0), vm.arg(&a, 1), BinOp::FloorDiv)?;
            vm.push(q);
            let r = vm.binary_op(vm.arg(&a, 0), vm.arg(&a, 1), BinOp::Mod)?;
            vm.push(r);
            vm.new_tuple_from_stack(2)
        });
    }
    let ni = vm.named(crate::vm::Named::NotImplemented);
    if let Some(f) = vm.special(x, "__divmod__") {
        let r = vm.call(f, &[vm.arg(&a, 0), vm.arg(&a, 1)])?;
        if r != ni {
            return Ok(r);
        }
    }
    let y = vm.arg(&a, 1);
    if let Some(f) = vm.special(y, "__rdivmod__") {
        let r = vm.call(f, &[vm.arg(&a, 1), vm.arg(&a, 0)])?;
        if r != ni {
            return Ok(r);
        }
    }
    let (ta, tb) = (vm.type_name(vm.arg(&a, 0)), vm.type_name(vm.arg(&a, 1)));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
    )))
}

/// A number as f64 (ints converted; OverflowError for huge ints).
pub fn float_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if vm.is(v, Kind::Float) {
        return Ok(vm.float_val(v));
    }
    if v.is_int() {
        // a small int converts exactly or rounds half-even, as CPython's int -> float (and
        // without the BigInt that to_bigint would allocate: math.sin(i))
        return Ok(v.as_int() as f64);
    }
    if let Some(n) = vm.to_bigint(v) {
        return match n.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

fn pow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "pow", &["base", "exp", "mod"])?;
    let Some(base) = opt_arg(vm, &a, 0, "base") else {
        return Err(vm.type_error("pow() missing required argument 'base' (pos 1)"));
    };
    let Some(exp) = opt_arg(vm, &a, 1, "exp") else {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    if a.n > 3 {
        return Err(vm.type_error(format!("pow() takes at most 3 arguments ({} given)", a.n)));
    }
    match opt_arg(vm, &a, 2, "mod") {
        Some(m) if !is_none(vm, m) => pow_mod(vm, base, exp, m),
        _ => vm.binary_op(base, exp, BinOp::Pow),
    }
}

/// pow(b, e, m) for ints (negative exponents via the modular inverse).
fn pow_mod(vm: &mut Vm, b: Value, e: Value, m: Value) -> PyResult<Value> {
    let (Some(b), Some(e), Some(m)) = (vm.to_bigint(b), vm.to_bigint(e), vm.to_bigint(m)) else {
        // CPython's ternary dispatch: the slots of type(b), type(e), type(m) in turn (each type
        // once); a numeric slot answers when it can convert b and e, and refuses the modulus
        if b.is_ptr() && matches!(vm.kind(b), Kind::Instance) {
            if let Some(f) = vm.special(b, "__pow__") {
                return vm.call(f, &[b, e, m]);
            }
        }
        let real = |k: Kind| matches!(k, Kind::BigInt | Kind::Bool | Kind::Float);
        let (kb, ke) = (vm.kind_or_int(b), vm.kind_or_int(e));
        let mut seen: Vec<Kind> = Vec::new();
        for k in [kb, ke, vm.kind_or_int(m)] {
            if seen.contains(&k) {
                continue;
            }
            seen.push(k);
            match k {
                // float's pow refuses a modulus before looking at its operands
                Kind::Float => {
                    return Err(vm.type_error(
                        "pow() 3rd argument not allowed unless all arguments are integers",
                    ));
                }
                Kind::Complex
                    if (real(kb) || kb == Kind::Complex) && (real(ke) || ke == Kind::Complex) =>
                {
                    return Err(vm.value_error("complex modulo"));
                }
                _ => {}
            }
        }
        let (tb, te, tm) = (vm.type_name(b), vm.type_name(e), vm.type_name(m));
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{tb}', '{te}', '{tm}'"
        )));
    };
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut base = b.mod_floor(&am);
    let mut exp = e;
    if exp.is_negative() {
        match mod_inverse(&base, &am) {
            Some(inv) => base = inv,
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        }
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &am);
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    vm.new_bigint(r)
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

fn round(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "round", &["number", "ndigits"])?;
    let Some(x) = opt_arg(vm, &a, 0, "number") else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    if a.n > 2 {
        return Err(vm.type_error(format!("round() takes at most 2 arguments ({} given)", a.n)));
    }
    let nd = opt_arg(vm, &a, 1, "ndigits").filter(|v| !is_none(vm, *v));
    if vm.is(x, Kind::Float) {
        let f = vm.float_val(x);
        return match nd {
            None => float_to_int(vm, round_half_even(f)),
            Some(n) => {
                let n = index_i64(vm, n)?;
                let r = round_float_digits(f, n);
                vm.new_float(r)
            }
        };
    }
    if vm.is_int(x) {
        let Some(n) = nd else {
            let i = vm.to_bigint(x).unwrap_or_default();
            return vm.new_bigint(i);
        };
        let n = index_i64(vm, n)?;
        let x = opt_arg(vm, &a, 0, "number").unwrap_or(Value::NULL);
        let i = vm.to_bigint(x).unwrap_or_default();
        return vm.new_bigint(round_int_digits(i, n));
    }
    if let Some(f) = vm.special(x, "__round__") {
        return match nd {
            Some(n) => vm.call(f, &[x, n]),
            None => vm.call(f, &[x]),
        };
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
}

/// Rounds to the nearest integer, ties to even.
pub fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}

/// round(x, n) for a float: exact decimal rounding of the binary value, ties to even (like CPython).
pub fn round_float_digits(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if n > 323 {
        return x;
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    let (m, e) = crate::objects::float::decompose(x);
    let ten = BigInt::from(10);
    let mut num = m;
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if n >= 0 {
        num *= num_traits::pow(ten, n as usize);
    } else {
        den *= num_traits::pow(ten, (-n) as usize);
    }
    let q = div_round_half_even(&num, &den);
    let s = format!("{q}e{}", -n);
    let r: f64 = s.parse().unwrap_or(x);
    if r == 0.0 {
        0.0f64.copysign(x)
    } else {
        r
    }
}

/// num / den rounded to the nearest integer, ties to even (den > 0).
fn div_round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_mod_floor(den);
    let twice: BigInt = &r * 2u32;
    match twice.cmp(den) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => {
            if q.is_even() {
                q
            } else {
                q + 1
            }
        }
    }
}

/// round(i, n) for an int: n >= 0 keeps it; n < 0 rounds to a multiple of 10^-n, ties to even.
pub fn round_int_digits(i: BigInt, n: i64) -> BigInt {
    if n >= 0 {
        return i;
    }
    if n < -4300 {
        return BigInt::zero();
    }
    let p = num_traits::pow(BigInt::from(10), (-n) as usize);
    div_round_half_even(&i, &p) * p
}

// ---- types and attributes ------------------------------------------------------------------------

/// isinstance/issubclass of the value at `obj_slot` against the spec at `spec_slot`: a type, a (nested)
/// tuple of types, or an object whose metaclass/class defines `__instancecheck__`/`__subclasscheck__`.
fn class_check(vm: &mut Vm, obj_slot: usize, spec_slot: usize, inst: bool) -> PyResult<bool> {
    let spec = vm.at(spec_slot);
    let obj = vm.at(obj_slot);
    if vm.is(spec, Kind::Tuple) {
        let n = vm.tuple_items(spec).len();
        for i in 0..n {
            let t = vm.tuple_items(vm.at(spec_slot))[i];
            vm.push(t);
            let r = class_check(vm, obj_slot, vm.sp() - 1, inst);
            vm.pop();
            if r? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    // isinstance(x, C) with type(x) is C answers at once, as CPython does.
    if inst && vm.type_of(obj) == spec {
        return Ok(true);
    }
    let hook_name = if inst {
        "__instancecheck__"
    } else {
        "__subclasscheck__"
    };
    let hook = if vm.is(spec, Kind::Type) {
        vm.meta_hook(spec, hook_name)
    } else if vm.is(spec, Kind::Instance) {
        vm.special(spec, hook_name)
    } else {
        None
    };
    if let Some(h) = hook {
        let r = vm.call(h, &[spec, obj])?;
        return vm.truthy(r);
    }
    if vm.is(spec, Kind::Type) {
        if inst {
            let t = vm.type_of(obj);
            if vm.is_subtype(t, spec) {
                return Ok(true);
            }
            return class_attr_check(vm, obj_slot, spec_slot);
        }
        if !vm.is(obj, Kind::Type) {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
        return Ok(vm.is_subtype(obj, spec));
    }
    let msg = if inst {
        "isinstance() arg 2 must be a type, a tuple of types, or a union"
    } else {
        "issubclass() arg 2 must be a class, a tuple of classes, or a union"
    };
    Err(vm.type_error(msg))
}

/// CPython's second chance in isinstance: an object whose `__class__` attribute is another class
/// than its type (a weakref proxy) is an instance of that class's bases too. Only asked of
/// instances whose class defines `__getattribute__` (minipy's getattr answers `__class__` itself
/// otherwise, so a `__class__` property is not seen here).
fn class_attr_check(vm: &mut Vm, obj_slot: usize, spec_slot: usize) -> PyResult<bool> {
    let obj = vm.at(obj_slot);
    if !vm.is(obj, Kind::Instance) {
        return Ok(false);
    }
    let flags = vm.obj::<TypeObj>(vm.type_of(obj)).flags;
    if flags & TYPE_CUSTOM_GETATTRIBUTE == 0 {
        return Ok(false);
    }
    let c = match vm.getattr_str(obj, "__class__") {
        Ok(c) => c,
        Err(e) => {
            if vm.exc_matches(vm.roots.exc, "AttributeError") {
                vm.take_exc();
                return Ok(false);
            }
            return Err(e);
        }
    };
    let t = vm.type_of(vm.at(obj_slot));
    if c == t || !vm.is(c, Kind::Type) {
        return Ok(false);
    }
    Ok(vm.is_subtype(c, vm.at(spec_slot)))
}

fn isinstance(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "isinstance", 2, 2)?;
    let r = class_check(vm, a.base, a.base + 1, true)?;
    Ok(vm.bool_val(r))
}

fn issubclass(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "issubclass", 2, 2)?;
    let r = class_check(vm, a.base, a.base + 1, false)?;
    Ok(vm.bool_val(r))
}

/// The attribute name argument: must be a str.
fn attr_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.is(v, Kind::Str) {
        return Ok(v);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
}

fn hasattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "hasattr", 2, 2)?;
    let name = attr_name(vm, vm.arg(&a, 1))?;
    match vm.getattr_opt(vm.arg(&a, 0), name) {
        Ok(r) => Ok(vm.bool_val(r.is_some())),
        Err(e) => {
            if vm.exc_matches(vm.roots.exc, "AttributeError") {
                vm.take_exc();
                Ok(vm.bool_val(false))
            } else {
                Err(e)
            }
        }
    }
}

fn getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = npos_range(vm, &a, "getattr", 2, 3)?;
    let name = attr_name(vm, vm.arg(&a, 1))?;
    if n == 2 {
        return vm.getattr(vm.arg(&a, 0), name);
    }
    match vm.getattr_opt(vm.arg(&a, 0), name) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Ok(vm.arg(&a, 2)),
        Err(e) => {
            if vm.exc_matches(vm.roots.exc, "AttributeError") {
                vm.take_exc();
                Ok(vm.arg(&a, 2))
            } else {
                Err(e)
            }
        }
    }
}

fn setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "setattr", 3, 3)?;
    let name = attr_name(vm, vm.arg(&a, 1))?;
    vm.setattr(vm.arg(&a, 0), name, vm.arg(&a, 2))?;
    Ok(vm.none())
}

fn delattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "delattr", 2, 2)?;
    let name = attr_name(vm, vm.arg(&a, 1))?;
    vm.delattr(vm.arg(&a, 0), name)?;
    Ok(vm.none())
}

fn id(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "id")?;
    let id = vm.heap.id_of(v);
    vm.new_int_from_u64(id)
}

fn hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "hash")?;
    let h = vm.hash_full(v)?;
    vm.new_int(h)
}

/// callable(v) without calling anything (`Vm::is_callable`).
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    vm.is_callable(v)
}

fn callable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "callable")?;
    let r = is_callable(vm, v);
    Ok(vm.bool_val(r))
}

// ---- namespaces ----------------------------------------------------------------------------------

fn globals(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "globals", 0, 0)?;
    match vm.roots.frames.last() {
        Some(f) => Ok(f.globals),
        None => vm.new_dict(),
    }
}

/// The current frame's local namespace: its dict (module/class bodies) or a snapshot of its slots.
pub fn current_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(f) = vm.roots.frames.last().copied() else {
        return vm.new_dict();
    };
    if !f.locals.is_null() {
        return Ok(f.locals);
    }
    let cd = vm.code_data(f.code);
    if cd.kind == crate::bytecode::CodeKind::Module {
        // A module body's names live in its globals (CPython: `locals() is globals()` there).
        return Ok(f.globals);
    }
    let mut names: Vec<(String, usize, bool)> = Vec::new();
    for (i, n) in cd.varnames.iter().enumerate().take(cd.nlocals) {
        names.push((n.clone(), f.base + i, false));
    }
    for (j, n) in cd.cellvars.iter().chain(cd.freevars.iter()).enumerate() {
        names.push((n.clone(), f.base + cd.nlocals + j, true));
    }
    scoped(vm, |vm, base| {
        let d = vm.new_dict()?;
        vm.push(d);
        for (name, slot, is_cell) in &names {
            let mut v = vm.at(*slot);
            if *is_cell && vm.is(v, Kind::Cell) {
                v = vm.obj::<CellObj>(v).value;
            }
            if v.is_null() {
                continue;
            }
            vm.push(v);
            let k = vm.new_str(name)?;
            let v = vm.pop();
            vm.dict_set(vm.at(base), k, v)?;
        }
        Ok(vm.at(base))
    })
}

fn locals(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "locals", 0, 0)?;
    current_locals(vm)
}

fn vars(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = npos_range(vm, &a, "vars", 0, 1)?;
    if n == 0 {
        return current_locals(vm);
    }
    let v = vm.arg(&a, 0);
    if vm.is(v, Kind::Type) {
        return Ok(vm.obj::<TypeObj>(v).dict);
    }
    match vm.instance_dict_mat(v)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// Adds the str keys of dict `d` to `out`.
fn dict_names(vm: &Vm, d: Value, out: &mut std::collections::BTreeSet<String>) {
    if d.is_null() {
        return;
    }
    for i in 0..vm.dict_used(d) {
        if let Some((k, _)) = vm.dict_entry(d, i) {
            if vm.is(k, Kind::Str) {
                out.insert(vm.str_of(k).to_string());
            }
        }
    }
}

/// Adds the names in the dicts along type `t`'s MRO.
fn mro_names(vm: &Vm, t: Value, out: &mut std::collections::BTreeSet<String>) {
    let mro = vm.obj::<TypeObj>(t).mro;
    if mro.is_null() {
        dict_names(vm, vm.obj::<TypeObj>(t).dict, out);
        return;
    }
    for &c in vm.tuple_items(mro) {
        dict_names(vm, vm.obj::<TypeObj>(c).dict, out);
    }
}

fn dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = npos_range(vm, &a, "dir", 0, 1)?;
    let mut names = std::collections::BTreeSet::new();
    if n == 0 {
        let d = current_locals(vm)?;
        dict_names(vm, d, &mut names);
    } else {
        let v = vm.arg(&a, 0);
        if vm.is(v, Kind::Instance) || vm.is(v, Kind::Foreign) {
            if let Some(f) = vm.special(v, "__dir__") {
                if !vm.is(f, Kind::Native) || vm.is(v, Kind::Foreign) {
                    let r = vm.call(f, &[v])?;
                    let l = vm.to_list(r)?;
                    return scoped(vm, |vm, base| {
                        vm.push(l);
                        sort_list_slot(vm, base, Value::NULL, false)?;
                        Ok(vm.at(base))
                    });
                }
            }
        }
        if vm.is(v, Kind::Type) {
            mro_names(vm, v, &mut names);
        } else if vm.is(v, Kind::Module) {
            dict_names(vm, vm.obj::<ModuleObj>(v).dict, &mut names);
        } else {
            if let Some(d) = vm.instance_dict_mat(v)? {
                dict_names(vm, d, &mut names);
            }
            let v = vm.arg(&a, 0); // re-read: switching to dict mode allocates
            let t = vm.type_of(v);
            mro_names(vm, t, &mut names);
        }
    }
    str_list(vm, names.iter().map(|s| s.as_str()))
}

/// A new list of new strs.
pub fn str_list<'s>(vm: &mut Vm, items: impl Iterator<Item = &'s str>) -> PyResult<Value> {
    scoped(vm, |vm, base| {
        for s in items {
            let v = vm.new_str(s)?;
            vm.push(v);
        }
        let n = vm.sp() - base;
        vm.new_list_from_stack(n)
    })
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the import statement's
/// machinery (vm/import.rs `import_level`); the package of a relative import comes from `globals`.
fn dunder_import(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use crate::objects::args::{bind_keywords_from, count_error};
    if let Some(msg) = count_error("__import__", 1, 5, vm.npos(&a)) {
        return Err(vm.type_error(msg));
    }
    let names = ["name", "globals", "locals", "fromlist", "level"];
    let slots = bind_keywords_from(vm, &a, 0, "__import__", &names)?;
    let Some(ns) = slots[0] else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let name = vm.at(ns);
    if !vm.is(name, Kind::Str) {
        return Err(vm.type_error("module name must be a string"));
    }
    let level = match slots[4] {
        Some(s) => crate::objects::args::int_arg(vm, s)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let fromlist = match slots[3].map(|s| vm.at(s)) {
        Some(f) if f != vm.none() && vm.truthy(f)? => {
            let l = vm.to_list(f)?;
            let mut out = Vec::new();
            for v in vm.list_items(l).to_vec() {
                if !vm.is(v, Kind::Str) {
                    let t = vm.type_name(v);
                    return Err(
                        vm.type_error(format!("Item in ``from list'' must be str, not {t}"))
                    );
                }
                out.push(vm.str_of(v).to_string());
            }
            Some(out)
        }
        _ => None,
    };
    let package = if level > 0 {
        match slots[1].map(|s| vm.at(s)) {
            Some(g) if g != vm.none() => {
                if !vm.is(g, Kind::Dict) {
                    return Err(vm.type_error("globals must be a dict"));
                }
                vm.package_of_globals(g)?
            }
            _ => None,
        }
    } else {
        None
    };
    let name = vm.str_of(vm.at(ns)).to_string();
    vm.import_level(
        &name,
        package.as_deref(),
        fromlist.as_deref(),
        level as usize,
    )
}
