//! `_os`: the system calls under interp/lib/os.py (and io.py, subprocess.py, time-free parts of
//! shutil/tempfile). Every function is a thin wrapper: positional arguments of plain types only (a
//! path is a str or bytes, already passed through `os.fspath` by the Python layer, so nothing here
//! calls back into Python), results as plain ints/str/bytes/tuples, and failures raised as the OSError
//! subclass of the errno with the path as `filename` (`vm.raise_os_error`).
//!
//! File descriptors opened here are close-on-exec (CPython's non-inheritable default), so a child
//! started by `spawn` sees only the descriptors it was handed as stdin/stdout/stderr.
//!
//! GC: arguments are re-read with `vm.arg` after every allocation; Rust data (CString, Vec) is
//! extracted before any allocation.

use super::add_fns;
use crate::builtins::functions::npos_range;
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use std::ffi::{CStr, CString};
use std::os::unix::ffi::OsStrExt;

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("stat", stat),
        ("listdir", listdir),
        ("getcwd", getcwd),
        ("chdir", chdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("unlink", unlink),
        ("rename", rename),
        ("symlink", symlink),
        ("link", link),
        ("readlink", readlink),
        ("chmod", chmod),
        ("utime", utime),
        ("access", access),
        ("open", open),
        ("read", read),
        ("write", write),
        ("close", close),
        ("pipe", pipe),
        ("dup", dup),
        ("dup2", dup2),
        ("lseek", lseek),
        ("isatty", isatty),
        ("ftruncate", ftruncate),
        ("fsync", fsync),
        ("ids", ids),
        ("umask", umask),
        ("kill", kill),
        ("_exit", exit_now),
        ("urandom", urandom),
        ("strerror", strerror),
        ("cpu_count", cpu_count),
        ("get_terminal_size", get_terminal_size),
        ("environ", environ),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("uname", uname),
        ("system", system),
        ("waitpid", waitpid),
        ("getlogin", getlogin),
        ("spawn", spawn),
        ("communicate", communicate),
        ("statvfs", statvfs),
        ("stdin_read", stdin_read),
        ("stdin_readline", stdin_readline),
    ];
    add_fns(vm, m, fns)
}

// ---- argument helpers ----------------------------------------------------------------------------

/// Argument `i` as a C path (str or bytes) and whether it was bytes.
fn path_arg(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<(CString, bool)> {
    let v = vm.arg(a, i);
    let (raw, is_bytes): (Vec<u8>, bool) = if vm.is(v, Kind::Str) {
        (vm.str_of(v).as_bytes().to_vec(), false)
    } else if vm.is(v, Kind::Bytes) {
        (vm.bytes_of(v).to_vec(), true)
    } else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {tn}"
        )));
    };
    match CString::new(raw) {
        Ok(c) => Ok((c, is_bytes)),
        Err(_) => Err(vm.value_error("embedded null byte")),
    }
}

/// Argument `i` as an int (no `__index__`: the Python layer passes plain ints).
fn int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    let v = vm.arg(a, i);
    match vm.to_i64(v) {
        Some(n) => Ok(n),
        None if vm.is_int(v) => {
            Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// Argument `i` as a C int (a file descriptor, a mode, a signal): OverflowError outside i32, as
/// CPython's "i" converter, so a huge fd never wraps round to a real one.
fn c_int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i32> {
    let n = int_arg(vm, a, i)?;
    match i32::try_from(n) {
        Ok(n) => Ok(n),
        Err(_) => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// A byte count for a read: negative is an error, and a huge request is clamped (a read may
/// return fewer bytes than asked) instead of allocating it up front.
const MAX_READ: i64 = 1 << 26;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Raises the OSError of the current errno, naming argument `i` (and `j`) as the filename(s).
fn os_err(vm: &mut Vm, a: &Args, i: Option<usize>, j: Option<usize>) -> crate::vm::Exc {
    let no = errno();
    let f1 = i.map(|i| vm.arg(a, i));
    let f2 = j.map(|j| vm.arg(a, j));
    vm.raise_os_error(no, f1, f2)
}

/// A str (or bytes when `as_bytes`) from raw OS bytes.
fn os_str(vm: &mut Vm, raw: &[u8], as_bytes: bool) -> PyResult<Value> {
    if as_bytes {
        vm.new_bytes(raw)
    } else {
        vm.new_str(&String::from_utf8_lossy(raw))
    }
}

fn none_ok(
    vm: &mut Vm,
    r: libc::c_int,
    a: &Args,
    i: Option<usize>,
    j: Option<usize>,
) -> PyResult<Value> {
    if r < 0 {
        Err(os_err(vm, a, i, j))
    } else {
        Ok(vm.none())
    }
}

/// The shape most path functions share: `name(path)` calling one libc function that returns -1
/// and sets errno on failure; the OSError names the path.
fn path_call(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    f: impl FnOnce(*const libc::c_char) -> libc::c_int,
) -> PyResult<Value> {
    npos_range(vm, a, name, 1, 1)?;
    let (p, _) = path_arg(vm, a, 0, name)?;
    let r = f(p.as_ptr());
    none_ok(vm, r, a, Some(0), None)
}

/// `name(src, dst)`: two paths, both named by the OSError.
fn path2_call(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    f: impl FnOnce(*const libc::c_char, *const libc::c_char) -> libc::c_int,
) -> PyResult<Value> {
    npos_range(vm, a, name, 2, 2)?;
    let (p, _) = path_arg(vm, a, 0, name)?;
    let (q, _) = path_arg(vm, a, 1, name)?;
    let r = f(p.as_ptr(), q.as_ptr());
    none_ok(vm, r, a, Some(0), Some(1))
}

/// `name(path, mode)`: mkdir, chmod.
fn path_mode_call(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    f: impl FnOnce(*const libc::c_char, libc::mode_t) -> libc::c_int,
) -> PyResult<Value> {
    npos_range(vm, a, name, 2, 2)?;
    let (p, _) = path_arg(vm, a, 0, name)?;
    let mode = int_arg(vm, a, 1)?;
    let r = f(p.as_ptr(), mode as libc::mode_t);
    none_ok(vm, r, a, Some(0), None)
}

// ---- files and directories -------------------------------------------------------------------------

/// stat(path_or_fd, follow_symlinks) -> (mode, ino, dev, nlink, uid, gid, size, atime_ns, mtime_ns,
/// ctime_ns, blksize, blocks, rdev).
fn stat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "stat", 2, 2)?;
    // SAFETY: zeroed is a valid `struct stat`; the calls below fill it.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let v = vm.arg(&a, 0);
    let r = if v.is_int() {
        let fd = c_int_arg(vm, &a, 0)?;
        // SAFETY: fstat writes into the struct we own.
        unsafe { libc::fstat(fd, &mut st) }
    } else {
        let (p, _) = path_arg(vm, &a, 0, "stat")?;
        let follow = vm.arg(&a, 1) == vm.bool_val(true);
        // SAFETY: p is a NUL-terminated path; (l)stat writes into the struct we own.
        unsafe {
            if follow {
                libc::stat(p.as_ptr(), &mut st)
            } else {
                libc::lstat(p.as_ptr(), &mut st)
            }
        }
    };
    if r < 0 {
        return Err(os_err(vm, &a, Some(0), None));
    }
    let ns = |s: i64, n: i64| s as i128 * 1_000_000_000 + n as i128;
    let fields: [i128; 13] = [
        st.st_mode as i128,
        st.st_ino as i128,
        st.st_dev as i128,
        st.st_nlink as i128,
        st.st_uid as i128,
        st.st_gid as i128,
        st.st_size as i128,
        ns(st.st_atime, st.st_atime_nsec),
        ns(st.st_mtime, st.st_mtime_nsec),
        ns(st.st_ctime, st.st_ctime_nsec),
        st.st_blksize as i128,
        st.st_blocks as i128,
        st.st_rdev as i128,
    ];
    let base = vm.sp();
    for f in fields {
        let v = vm.new_bigint(num_bigint::BigInt::from(f))?;
        vm.push(v);
    }
    let t = vm.new_tuple_from_stack(fields.len());
    vm.truncate(base);
    t
}

fn listdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "listdir", 1, 1)?;
    let (p, as_bytes) = path_arg(vm, &a, 0, "listdir")?;
    let path = std::path::PathBuf::from(std::ffi::OsStr::from_bytes(p.as_bytes()));
    let rd = match std::fs::read_dir(&path) {
        Ok(rd) => rd,
        Err(e) => {
            let f = vm.arg(&a, 0);
            return Err(vm.raise_os_error(e.raw_os_error().unwrap_or(0), Some(f), None));
        }
    };
    let mut names: Vec<Vec<u8>> = Vec::new();
    for ent in rd {
        match ent {
            Ok(ent) => names.push(ent.file_name().as_bytes().to_vec()),
            Err(e) => {
                let f = vm.arg(&a, 0);
                return Err(vm.raise_os_error(e.raw_os_error().unwrap_or(0), Some(f), None));
            }
        }
    }
    let base = vm.sp();
    for n in &names {
        let v = os_str(vm, n, as_bytes)?;
        vm.push(v);
    }
    let l = vm.new_list_from_stack(names.len());
    vm.truncate(base);
    l
}

fn getcwd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "getcwd", 1, 1)?;
    let as_bytes = vm.arg(&a, 0) == vm.bool_val(true);
    match std::env::current_dir() {
        Ok(p) => os_str(vm, p.as_os_str().as_bytes(), as_bytes),
        Err(e) => Err(vm.raise_os_error(e.raw_os_error().unwrap_or(0), None, None)),
    }
}

fn chdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: the path is NUL-terminated.
    path_call(vm, &a, "chdir", |p| unsafe { libc::chdir(p) })
}

fn mkdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: the path is NUL-terminated.
    path_mode_call(vm, &a, "mkdir", |p, mode| unsafe { libc::mkdir(p, mode) })
}

fn rmdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: the path is NUL-terminated.
    path_call(vm, &a, "rmdir", |p| unsafe { libc::rmdir(p) })
}

fn unlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: the path is NUL-terminated.
    path_call(vm, &a, "unlink", |p| unsafe { libc::unlink(p) })
}

fn rename(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: both paths are NUL-terminated.
    path2_call(vm, &a, "rename", |p, q| unsafe { libc::rename(p, q) })
}

fn symlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: both paths are NUL-terminated.
    path2_call(vm, &a, "symlink", |p, q| unsafe { libc::symlink(p, q) })
}

fn link(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: both paths are NUL-terminated.
    path2_call(vm, &a, "link", |p, q| unsafe { libc::link(p, q) })
}

fn readlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "readlink", 1, 1)?;
    let (p, as_bytes) = path_arg(vm, &a, 0, "readlink")?;
    let mut buf = vec![0u8; 4096];
    // SAFETY: p is NUL-terminated; readlink writes at most buf.len() bytes into buf.
    let n = unsafe { libc::readlink(p.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if n < 0 {
        return Err(os_err(vm, &a, Some(0), None));
    }
    os_str(vm, &buf[..n as usize], as_bytes)
}

fn chmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // SAFETY: the path is NUL-terminated.
    path_mode_call(vm, &a, "chmod", |p, mode| unsafe { libc::chmod(p, mode) })
}

/// utime(path, atime_ns, mtime_ns) or utime(path, None, None) for "now".
fn utime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "utime", 3, 3)?;
    let (p, _) = path_arg(vm, &a, 0, "utime")?;
    let ts = |vm: &mut Vm, i: usize| -> PyResult<libc::timespec> {
        let v = vm.arg(&a, i);
        if v == vm.none() {
            return Ok(libc::timespec {
                tv_sec: 0,
                tv_nsec: libc::UTIME_NOW,
            });
        }
        let n = crate::builtins::functions::index_bigint(vm, v)?;
        let s = n.clone() / 1_000_000_000i64;
        let mut ns = n - s.clone() * 1_000_000_000i64;
        let mut s = num_traits::ToPrimitive::to_i64(&s).unwrap_or(i64::MAX);
        if ns < num_bigint::BigInt::from(0) {
            ns += 1_000_000_000i64;
            s -= 1;
        }
        Ok(libc::timespec {
            tv_sec: s as libc::time_t,
            tv_nsec: num_traits::ToPrimitive::to_i64(&ns).unwrap_or(0) as _,
        })
    };
    let times = [ts(vm, 1)?, ts(vm, 2)?];
    // SAFETY: p is a NUL-terminated path and times holds two timespecs.
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, p.as_ptr(), times.as_ptr(), 0) };
    // CPython's utime error names no file
    none_ok(vm, r, &a, None, None)
}

fn access(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "access", 2, 2)?;
    let (p, _) = path_arg(vm, &a, 0, "access")?;
    let mode = c_int_arg(vm, &a, 1)?;
    // SAFETY: p is a NUL-terminated path.
    let r = unsafe { libc::access(p.as_ptr(), mode) };
    Ok(vm.bool_val(r == 0))
}

// ---- file descriptors ----------------------------------------------------------------------------

fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "open", 3, 3)?;
    let (p, _) = path_arg(vm, &a, 0, "open")?;
    let flags = c_int_arg(vm, &a, 1)? | libc::O_CLOEXEC;
    let mode = int_arg(vm, &a, 2)?;
    // SAFETY: p is a NUL-terminated path.
    let fd = unsafe { libc::open(p.as_ptr(), flags, mode as libc::c_uint) };
    if fd < 0 {
        return Err(os_err(vm, &a, Some(0), None));
    }
    vm.new_int(fd as i64)
}

fn read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "read", 2, 2)?;
    let fd = c_int_arg(vm, &a, 0)?;
    let n = int_arg(vm, &a, 1)?;
    if n < 0 {
        return Err(vm.raise_os_error(libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n.min(MAX_READ) as usize];
    vm.flush_stdout();
    loop {
        // SAFETY: buf has room for n bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
        if r < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return Err(os_err(vm, &a, None, None));
        }
        return vm.new_bytes(&buf[..r as usize]);
    }
}

/// The bytes of a bytes-like argument.
fn data_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<Vec<u8>> {
    let v = vm.arg(a, i);
    if vm.is(v, Kind::Bytes) {
        Ok(vm.bytes_of(v).to_vec())
    } else if vm.is(v, Kind::ByteArray) {
        Ok(vm.bytearray(v).clone())
    } else if vm.is(v, Kind::MemoryView) {
        crate::objects::memoryview::view_bytes(vm, v)
    } else {
        let tn = vm.type_name(v);
        Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
    }
}

fn write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "write", 2, 2)?;
    let fd = c_int_arg(vm, &a, 0)?;
    let data = data_arg(vm, &a, 1)?;
    if fd == 1 || fd == 2 {
        // keep print's buffered output in order with raw writes to the same stream
        vm.flush_stdout();
    }
    loop {
        // SAFETY: data is a live buffer of data.len() bytes.
        let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if r < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return Err(os_err(vm, &a, None, None));
        }
        return vm.new_int(r as i64);
    }
}

fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "close", 1, 1)?;
    let fd = c_int_arg(vm, &a, 0)?;
    if fd == 1 {
        vm.flush_stdout();
    }
    // SAFETY: closing an fd number is memory-safe whatever it refers to.
    let r = unsafe { libc::close(fd) };
    none_ok(vm, r, &a, None, None)
}

fn pipe(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "pipe", 0, 0)?;
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 writes two fds into the array we own.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    if r < 0 {
        return Err(os_err(vm, &a, None, None));
    }
    let i = |n: i32| Value::from_int(n as i64).unwrap();
    vm.new_tuple(&[i(fds[0]), i(fds[1])])
}

fn dup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "dup", 1, 1)?;
    let fd = c_int_arg(vm, &a, 0)?;
    // SAFETY: plain fd syscall.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(os_err(vm, &a, None, None));
    }
    vm.new_int(r as i64)
}

/// dup2(fd, fd2, inheritable)
fn dup2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "dup2", 3, 3)?;
    let fd = c_int_arg(vm, &a, 0)?;
    let fd2 = c_int_arg(vm, &a, 1)?;
    let inheritable = vm.arg(&a, 2) == vm.bool_val(true);
    vm.flush_stdout();
    // SAFETY: plain fd syscalls.
    let r = unsafe {
        if inheritable {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, libc::O_CLOEXEC)
        }
    };
    if r < 0 {
        return Err(os_err(vm, &a, None, None));
    }
    vm.new_int(r as i64)
}

fn lseek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "lseek", 3, 3)?;
    let fd = c_int_arg(vm, &a, 0)?;
    let pos = int_arg(vm, &a, 1)?;
    let how = c_int_arg(vm, &a, 2)?;
    // SAFETY: plain fd syscall.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
    if r < 0 {
        return Err(os_err(vm, &a, None, None));
    }
    vm.new_int(r as i64)
}

fn isatty(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "isatty", 1, 1)?;
    let fd = c_int_arg(vm, &a, 0)?;
    // SAFETY: plain fd syscall.
    let r = unsafe { libc::isatty(fd) };
    Ok(vm.bool_val(r == 1))
}

fn ftruncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "ftruncate", 2, 2)?;
    let fd = c_int_arg(vm, &a, 0)?;
    let n = int_arg(vm, &a, 1)?;
    // SAFETY: plain fd syscall.
    let r = unsafe { libc::ftruncate(fd, n as libc::off_t) };
    none_ok(vm, r, &a, None, None)
}

fn fsync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "fsync", 1, 1)?;
    let fd = c_int_arg(vm, &a, 0)?;
    // SAFETY: plain fd syscall.
    let r = unsafe { libc::fsync(fd) };
    none_ok(vm, r, &a, None, None)
}

// ---- process -------------------------------------------------------------------------------------

/// ids() -> (pid, ppid, uid, euid, gid, egid)
fn ids(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "ids", 0, 0)?;
    // SAFETY: these calls cannot fail.
    let v = unsafe {
        [
            libc::getpid() as i64,
            libc::getppid() as i64,
            libc::getuid() as i64,
            libc::geteuid() as i64,
            libc::getgid() as i64,
            libc::getegid() as i64,
        ]
    };
    let items: Vec<Value> = v.iter().map(|&n| Value::from_int(n).unwrap()).collect();
    vm.new_tuple(&items)
}

fn umask(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "umask", 1, 1)?;
    let m = int_arg(vm, &a, 0)?;
    // SAFETY: umask cannot fail.
    let old = unsafe { libc::umask(m as libc::mode_t) };
    vm.new_int(old as i64)
}

fn kill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "kill", 2, 2)?;
    let pid = int_arg(vm, &a, 0)?;
    let sig = c_int_arg(vm, &a, 1)?;
    // SAFETY: plain syscall.
    let r = unsafe { libc::kill(pid as libc::pid_t, sig) };
    none_ok(vm, r, &a, None, None)
}

fn exit_now(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "_exit", 1, 1)?;
    let n = c_int_arg(vm, &a, 0)?;
    vm.flush_stdout();
    // SAFETY: ends the process without running destructors, as os._exit does.
    unsafe { libc::_exit(n) }
}

fn urandom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "urandom", 1, 1)?;
    let n = int_arg(vm, &a, 0)?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    if n > 1 << 32 {
        return Err(vm.memory_error());
    }
    let mut buf = vec![0u8; n as usize];
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: getrandom writes into the unfilled tail of buf.
        let r = unsafe {
            libc::getrandom(
                buf[got..].as_mut_ptr() as *mut libc::c_void,
                buf.len() - got,
                0,
            )
        };
        if r < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return Err(os_err(vm, &a, None, None));
        }
        got += r as usize;
    }
    vm.new_bytes(&buf)
}

fn strerror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "strerror", 1, 1)?;
    let n = c_int_arg(vm, &a, 0)?;
    // SAFETY: strerror returns a valid NUL-terminated string (static or thread-local).
    let s = unsafe { CStr::from_ptr(libc::strerror(n)) }
        .to_string_lossy()
        .to_string();
    vm.new_str(&s)
}

fn cpu_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "cpu_count", 0, 0)?;
    // SAFETY: sysconf is always safe to call.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    if n < 1 {
        return Ok(vm.none());
    }
    vm.new_int(n as i64)
}

fn get_terminal_size(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "get_terminal_size", 1, 1)?;
    let fd = c_int_arg(vm, &a, 0)?;
    // SAFETY: zeroed is a valid winsize; ioctl fills it.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes a winsize.
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
    if r < 0 {
        return Err(os_err(vm, &a, None, None));
    }
    let i = |n: u16| Value::from_int(n as i64).unwrap();
    vm.new_tuple(&[i(ws.ws_col), i(ws.ws_row)])
}

/// environ() -> list of (name, value) str pairs, flattened.
fn environ(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "environ", 0, 0)?;
    let vars: Vec<(String, String)> = std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().to_string(),
                v.to_string_lossy().to_string(),
            )
        })
        .collect();
    let base = vm.sp();
    for (k, v) in &vars {
        let k = vm.new_str(k)?;
        vm.push(k);
        let v = vm.new_str(v)?;
        vm.push(v);
    }
    let l = vm.new_list_from_stack(vars.len() * 2);
    vm.truncate(base);
    l
}

fn str_arg(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<String> {
    let v = vm.arg(a, i);
    if !vm.is(v, Kind::Str) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("{fname}: expected str, not {tn}")));
    }
    let s = vm.str_of(v).to_string();
    if s.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(s)
}

fn putenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "putenv", 2, 2)?;
    let k = str_arg(vm, &a, 0, "putenv")?;
    let v = str_arg(vm, &a, 1, "putenv")?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(vm.none())
}

fn unsetenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "unsetenv", 1, 1)?;
    let k = str_arg(vm, &a, 0, "unsetenv")?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(vm.none())
}

fn uname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "uname", 0, 0)?;
    // SAFETY: zeroed is a valid utsname; uname fills it with NUL-terminated fields.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: see above.
    if unsafe { libc::uname(&mut u) } < 0 {
        return Err(os_err(vm, &a, None, None));
    }
    let field = |f: &[libc::c_char]| {
        // SAFETY: uname NUL-terminates every field within its array.
        unsafe { CStr::from_ptr(f.as_ptr()) }
            .to_string_lossy()
            .to_string()
    };
    let parts = [
        field(&u.sysname),
        field(&u.nodename),
        field(&u.release),
        field(&u.version),
        field(&u.machine),
    ];
    let base = vm.sp();
    for p in &parts {
        let s = vm.new_str(p)?;
        vm.push(s);
    }
    let t = vm.new_tuple_from_stack(parts.len());
    vm.truncate(base);
    t
}

fn getlogin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "getlogin", 0, 0)?;
    // SAFETY: getlogin returns NULL or a NUL-terminated static string.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        return Err(os_err(vm, &a, None, None));
    }
    // SAFETY: non-null, NUL-terminated.
    let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().to_string();
    vm.new_str(&s)
}

fn system(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "system", 1, 1)?;
    let cmd = str_arg(vm, &a, 0, "system")?;
    vm.flush_stdout();
    let c = CString::new(cmd).unwrap_or_default();
    // SAFETY: c is NUL-terminated.
    let r = unsafe { libc::system(c.as_ptr()) };
    vm.new_int(r as i64)
}

fn waitpid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "waitpid", 2, 2)?;
    let pid = int_arg(vm, &a, 0)?;
    let opts = c_int_arg(vm, &a, 1)?;
    let mut status = 0;
    loop {
        // SAFETY: waitpid writes the status into our int.
        let r = unsafe { libc::waitpid(pid as libc::pid_t, &mut status, opts) };
        if r < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return Err(os_err(vm, &a, None, None));
        }
        let i = |n: i64| Value::from_int(n).unwrap();
        return vm.new_tuple(&[i(r as i64), i(status as i64)]);
    }
}

/// spawn(argv, cwd, env, stdin_fd, stdout_fd, stderr_fd) -> pid. `argv` is a list of str, `env` a
/// list of "NAME=value" str or None (inherit), a fd of -1 inherits the parent's stream.
fn spawn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::os::fd::FromRawFd;
    use std::process::{Command, Stdio};
    npos_range(vm, &a, "spawn", 6, 6)?;
    let strs = |vm: &mut Vm, i: usize| -> PyResult<Option<Vec<String>>> {
        let v = vm.arg(&a, i);
        if v == vm.none() {
            return Ok(None);
        }
        if !vm.is(v, Kind::List) {
            return Err(vm.type_error("spawn: expected a list of str"));
        }
        let mut out = Vec::new();
        for &s in vm.list_items(v) {
            if !vm.is(s, Kind::Str) {
                return Err(vm.type_error("expected str, bytes or os.PathLike object"));
            }
            out.push(vm.str_of(s).to_string());
        }
        Ok(Some(out))
    };
    let argv = strs(vm, 0)?.unwrap_or_default();
    if argv.is_empty() {
        return Err(vm.value_error("empty argument list"));
    }
    let env = strs(vm, 2)?;
    let cwd = {
        let v = vm.arg(&a, 1);
        if v == vm.none() {
            None
        } else {
            Some(str_arg(vm, &a, 1, "spawn")?)
        }
    };
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..]);
    if let Some(c) = &cwd {
        cmd.current_dir(c);
    }
    if let Some(env) = env {
        cmd.env_clear();
        for kv in env {
            if let Some((k, v)) = kv.split_once('=') {
                cmd.env(k, v);
            }
        }
    }
    let mut stdio = |i: usize| -> PyResult<Stdio> {
        let fd = c_int_arg(vm, &a, i)?;
        if fd < 0 {
            return Ok(Stdio::inherit());
        }
        // SAFETY: a dup of a descriptor we were given; the Stdio owns (and closes) the copy.
        let d = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        if d < 0 {
            return Err(os_err(vm, &a, None, None));
        }
        // SAFETY: d is a fresh descriptor nothing else owns.
        Ok(Stdio::from(unsafe { std::os::fd::OwnedFd::from_raw_fd(d) }))
    };
    let (i, o, e) = (stdio(3)?, stdio(4)?, stdio(5)?);
    cmd.stdin(i).stdout(o).stderr(e);
    vm.flush_stdout();
    let err = match cmd.spawn() {
        Ok(child) => return vm.new_int(child.id() as i64),
        Err(e) => e,
    };
    let no = err.raw_os_error().unwrap_or(libc::ENOENT);
    // CPython names the cwd when it is what failed, else the program
    let bad_cwd = cwd
        .as_ref()
        .is_some_and(|c| !std::path::Path::new(c).is_dir());
    let name = if bad_cwd {
        cwd.unwrap_or_default()
    } else {
        argv[0].clone()
    };
    let f = vm.new_str(&name)?;
    Err(vm.raise_os_error(no, Some(f), None))
}

/// communicate(stdin_fd, input, stdout_fd, stderr_fd) -> (out, err): writes `input` (bytes or None)
/// to stdin_fd and closes it, while reading stdout_fd and stderr_fd to EOF on threads (so a child
/// filling one pipe cannot deadlock us); a fd of -1 is skipped (its result is None). Closes the fds.
fn communicate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::io::{Read, Write};
    use std::os::fd::FromRawFd;
    npos_range(vm, &a, "communicate", 4, 4)?;
    let in_fd = c_int_arg(vm, &a, 0)?;
    let input = if vm.arg(&a, 1) == vm.none() {
        Vec::new()
    } else {
        data_arg(vm, &a, 1)?
    };
    let out_fd = c_int_arg(vm, &a, 2)?;
    let err_fd = c_int_arg(vm, &a, 3)?;
    let reader = |fd: i32| {
        (fd >= 0).then(|| {
            std::thread::spawn(move || {
                // SAFETY: the caller hands us ownership of fd.
                let mut f = unsafe { std::fs::File::from_raw_fd(fd) };
                let mut buf = Vec::new();
                let _ = f.read_to_end(&mut buf);
                buf
            })
        })
    };
    let (ro, re) = (reader(out_fd), reader(err_fd));
    if in_fd >= 0 {
        // SAFETY: the caller hands us ownership of in_fd.
        let mut f = unsafe { std::fs::File::from_raw_fd(in_fd) };
        let _ = f.write_all(&input);
    }
    let out = ro.map(|h| h.join().unwrap_or_default());
    let err = re.map(|h| h.join().unwrap_or_default());
    let base = vm.sp();
    for r in [out, err] {
        let v = match r {
            Some(b) => vm.new_bytes(&b)?,
            None => vm.none(),
        };
        vm.push(v);
    }
    let t = vm.new_tuple_from_stack(2);
    vm.truncate(base);
    t
}

/// statvfs(path) -> (f_frsize, f_blocks, f_bfree, f_bavail)
fn statvfs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "statvfs", 1, 1)?;
    let (p, _) = path_arg(vm, &a, 0, "statvfs")?;
    // SAFETY: zeroed is a valid statvfs; the call fills it.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: p is a NUL-terminated path.
    if unsafe { libc::statvfs(p.as_ptr(), &mut st) } < 0 {
        return Err(os_err(vm, &a, Some(0), None));
    }
    let base = vm.sp();
    for n in [st.f_frsize, st.f_blocks, st.f_bfree, st.f_bavail] {
        let v = vm.new_int_from_u64(n)?;
        vm.push(v);
    }
    let t = vm.new_tuple_from_stack(4);
    vm.truncate(base);
    t
}

/// A str (lossy UTF-8) or bytes result of a standard-input read.
fn stdin_result(vm: &mut Vm, a: &Args, data: &[u8]) -> PyResult<Value> {
    let as_bytes = vm.arg(a, 1) == vm.bool_val(true);
    os_str(vm, data, as_bytes)
}

/// stdin_read(size, as_bytes): up to `size` bytes (all when negative) from the process's stdin,
/// through Rust's buffered stdin, which `input()` shares.
fn stdin_read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::io::Read;
    npos_range(vm, &a, "stdin_read", 2, 2)?;
    let n = int_arg(vm, &a, 0)?;
    vm.flush_stdout();
    let mut buf = Vec::new();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let r = if n < 0 {
        lock.read_to_end(&mut buf).map(|_| ())
    } else {
        lock.by_ref()
            .take(n as u64)
            .read_to_end(&mut buf)
            .map(|_| ())
    };
    drop(lock);
    if let Err(e) = r {
        return Err(vm.raise_io_error(&e));
    }
    stdin_result(vm, &a, &buf)
}

/// stdin_readline(size, as_bytes): one line (with its newline) from stdin, "" at EOF.
fn stdin_readline(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::io::BufRead;
    npos_range(vm, &a, "stdin_readline", 2, 2)?;
    let n = int_arg(vm, &a, 0)?;
    vm.flush_stdout();
    let mut buf = Vec::new();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let r = if n < 0 {
        lock.read_until(b'\n', &mut buf).map(|_| ())
    } else {
        std::io::Read::take(&mut lock, n as u64)
            .read_until(b'\n', &mut buf)
            .map(|_| ())
    };
    drop(lock);
    if let Err(e) = r {
        return Err(vm.raise_io_error(&e));
    }
    stdin_result(vm, &a, &buf)
}
