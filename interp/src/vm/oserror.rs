//! OSError's constructor rules and its str(), as CPython's: `OSError(errno, strerror[, filename[,
//! winerror[, filename2]]])` returns the subclass the errno maps to (FileNotFoundError for ENOENT...),
//! sets `errno`/`strerror`/`filename`/`filename2` (None when not given) and keeps only
//! `(errno, strerror)` in `args` when a filename is given; str() is
//! `[Errno 2] No such file or directory: 'x'` (`-> 'y'` for filename2). Also `raise_os_error`, which
//! natives (the `_os` module) use to raise from a raw errno.
//!
//! GC: the instance under construction is kept on the VM stack (its top) by the caller; every value is
//! re-read from the stack after a dict store.

use super::{Exc, PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

/// The OSError subclass CPython picks for an errno (None: OSError itself).
pub fn subclass_for_errno(no: i64) -> Option<&'static str> {
    let no = i32::try_from(no).ok()?;
    Some(match no {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::ECHILD => "ChildProcessError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::EEXIST => "FileExistsError",
        libc::ENOENT => "FileNotFoundError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EINTR => "InterruptedError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => return None,
    })
}

/// The C library's message for an errno ("No such file or directory").
pub fn strerror(no: i32) -> String {
    let text = std::io::Error::from_raw_os_error(no).to_string();
    text.strip_suffix(&format!(" (os error {no})"))
        .unwrap_or(&text)
        .to_string()
}

impl Vm {
    /// Installs the OSError aliases of the builtins namespace (EnvironmentError, IOError).
    pub fn install_os_error_aliases(&mut self) {
        let t = self.builtin_type("OSError");
        for name in ["EnvironmentError", "IOError"] {
            let k = self.intern(name);
            let _ = self.dict_set(self.roots.builtins, k, t);
        }
    }

    /// `OSError(errno, ...)` constructs the mapped subclass: replaces the class at `fslot` when it is
    /// OSError itself and the first of its positional arguments is a mapped errno.
    /// gc: no-collect
    pub(crate) fn os_error_pick_subclass(&mut self, fslot: usize, nargs: usize, kwnames: Value) {
        let nkw = if kwnames.is_null() {
            0
        } else {
            self.tuple_items(kwnames).len()
        };
        let npos = nargs - nkw;
        if !(2..=5).contains(&npos) || self.at(fslot) != self.builtin_type("OSError") {
            return;
        }
        let a = self.at(fslot + 1);
        if !a.is_int() {
            return;
        }
        if let Some(name) = subclass_for_errno(a.as_int()) {
            let t = self.builtin_type(name);
            self.set_at(fslot, t);
        }
    }

    /// Sets errno/strerror/filename/filename2 on the OSError instance at the stack top from the
    /// `npos` positional arguments at `fslot + 1..`, trimming `args` to (errno, strerror).
    pub(crate) fn os_error_attrs(&mut self, fslot: usize, npos: usize) -> PyResult<()> {
        let none = self.none();
        let pick = |vm: &Vm, i: usize| {
            if (2..=5).contains(&npos) && i < npos {
                vm.at(fslot + 1 + i)
            } else {
                none
            }
        };
        for (name, i) in [
            ("errno", 0),
            ("strerror", 1),
            ("filename", 2),
            ("filename2", 4),
        ] {
            let v = pick(self, i);
            let k = self.intern(name);
            let d = self.obj::<InstanceObj>(self.top()).dict;
            self.dict_set(d, k, v)?;
        }
        if (3..=5).contains(&npos) {
            let args = self.new_tuple(&[self.at(fslot + 1), self.at(fslot + 2)])?;
            let k = self.intern("args");
            let d = self.obj::<InstanceObj>(self.top()).dict;
            self.dict_set(d, k, args)?;
        }
        Ok(())
    }

    /// str() of an OSError whose args are (errno, strerror): "[Errno N] msg" plus ": 'file'" and
    /// " -> 'file2'" when those attributes are set (errno and msg through str(), as CPython).
    pub(crate) fn os_error_str(&mut self, e: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(e);
        let r = (|| {
            // str() may run Python (an errno or strerror of a user type): re-read args after it
            let no = self.os_error_arg_str(base, 0)?;
            let msg = self.os_error_arg_str(base, 1)?;
            let mut s = format!("[Errno {no}] {msg}");
            for (name, sep) in [("filename", ": "), ("filename2", " -> ")] {
                let d = self.obj::<InstanceObj>(self.at(base)).dict;
                let k = self.intern(name);
                match self.dict_get_str(d, k) {
                    Some(f) if f != self.none() => {
                        let r = self.repr(f)?;
                        s.push_str(sep);
                        s.push_str(self.str_of(r));
                    }
                    _ => break,
                }
            }
            self.new_str(&s)
        })();
        self.truncate(base);
        r
    }

    /// str() of item `i` of the args of the exception at stack slot `slot` ("" if args was
    /// replaced by something shorter or not a tuple).
    fn os_error_arg_str(&mut self, slot: usize, i: usize) -> PyResult<String> {
        let args = self.exc_args(self.at(slot));
        if !self.is(args, Kind::Tuple) {
            return Ok(String::new());
        }
        match self.tuple_items(args).get(i).copied() {
            Some(v) => self.str_string(v),
            None => Ok(String::new()),
        }
    }

    /// Raises the OSError (subclass) for `errno`, with CPython's strerror text and the given
    /// filenames (as `OSError(errno, strerror, filename, None, filename2)` would).
    pub fn raise_os_error(
        &mut self,
        no: i32,
        filename: Option<Value>,
        filename2: Option<Value>,
    ) -> Exc {
        let base = self.sp();
        let none = self.none();
        let f1 = filename.unwrap_or(none);
        let f2 = filename2.unwrap_or(none);
        self.push(f1);
        self.push(f2);
        let r = (|| {
            let cls = self.builtin_type("OSError");
            let msg = self.new_str(&strerror(no))?;
            let (f1, f2) = (self.at(base), self.at(base + 1));
            let no = Value::from_int(no as i64).unwrap();
            let e = if f1 == none {
                self.call(cls, &[no, msg])?
            } else if f2 == none {
                self.call(cls, &[no, msg, f1])?
            } else {
                self.call(cls, &[no, msg, f1, none, f2])?
            };
            Ok(e)
        })();
        self.truncate(base);
        match r {
            Ok(e) => self.raise_value(e),
            Err(x) => x,
        }
    }
}
