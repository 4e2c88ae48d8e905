//! The calendar half of `time` (registered by time.rs, wrapped by interp/lib/time.py, which adds
//! struct_time, asctime/ctime and strptime): conversions between seconds and broken-down time
//! through the C library (gmtime_r, localtime_r, mktime, strftime, tzset), so local time follows
//! the process's TZ exactly as CPython's does.
//!
//! A broken-down time crosses this boundary as a plain tuple (year, mon, mday, hour, min, sec,
//! wday with Monday 0, yday from 1, isdst, zone, gmtoff): no Python objects are called, so there is
//! nothing to root beyond re-reading arguments.

use crate::builtins::functions::{float_of, npos_range};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use std::ffi::{CStr, CString};

pub const FNS: &[(&str, NativeFn)] = &[
    ("_gmtime", gmtime),
    ("_localtime", localtime),
    ("_mktime", mktime),
    ("_strftime", strftime),
    ("_tzinfo", tzinfo),
];

/// Seconds argument `i` (None: now) as time_t, rounded toward minus infinity.
fn secs_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<libc::time_t> {
    let v = vm.arg(a, i);
    if v == vm.none() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        return Ok(now as libc::time_t);
    }
    if let Some(n) = vm.to_i64(v) {
        return Ok(n as libc::time_t);
    }
    if !vm.is(v, Kind::Float) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let f = float_of(vm, v)?;
    if f.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if !f.is_finite() || f.abs() > 1e18 {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(f.floor() as libc::time_t)
}

fn tm_tuple(vm: &mut Vm, tm: &libc::tm) -> PyResult<Value> {
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: tm_zone points at a NUL-terminated name owned by the C library.
        unsafe { CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .to_string()
    };
    let base = vm.sp();
    let ints = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    for n in ints {
        vm.push(Value::from_int(n).unwrap());
    }
    let z = vm.new_str(&zone)?;
    vm.push(z);
    vm.push(Value::from_int(tm.tm_gmtoff).unwrap());
    let t = vm.new_tuple_from_stack(11);
    vm.truncate(base);
    t
}

fn gmtime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "gmtime", 1, 1)?;
    let t = secs_arg(vm, &a, 0)?;
    // SAFETY: zeroed is a valid tm; gmtime_r fills it or returns NULL.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: see above.
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    tm_tuple(vm, &tm)
}

fn localtime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "localtime", 1, 1)?;
    let t = secs_arg(vm, &a, 0)?;
    // SAFETY: zeroed is a valid tm; tzset reads TZ; localtime_r fills tm or returns NULL.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: see above.
    if unsafe {
        tzset();
        libc::localtime_r(&t, &mut tm)
    }
    .is_null()
    {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    tm_tuple(vm, &tm)
}

extern "C" {
    fn tzset();
}

/// A `struct tm` from argument `i`, a tuple of 9 ints as time.py normalises it.
fn tm_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<libc::tm> {
    let v = vm.arg(a, i);
    if !vm.is(v, Kind::Tuple) || vm.tuple_items(v).len() < 9 {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    }
    let items: Vec<Value> = vm.tuple_items(v)[..9].to_vec();
    let mut f = [0i64; 9];
    for (k, it) in items.iter().enumerate() {
        match vm.to_i64(*it) {
            Some(n) if i32::try_from(n).is_ok() && (k != 0 || n >= i32::MIN as i64 + 1900) => {
                f[k] = n
            }
            Some(_) => return Err(vm.overflow_error("Python int too large to convert to C int")),
            None => {
                let tn = vm.type_name(*it);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    // SAFETY: zeroed is a valid tm (null zone pointer).
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (f[0] - 1900) as i32;
    tm.tm_mon = (f[1] - 1) as i32;
    tm.tm_mday = f[2] as i32;
    tm.tm_hour = f[3] as i32;
    tm.tm_min = f[4] as i32;
    tm.tm_sec = f[5] as i32;
    tm.tm_wday = ((f[6] + 1) % 7) as i32;
    tm.tm_yday = (f[7] - 1) as i32;
    tm.tm_isdst = f[8] as i32;
    Ok(tm)
}

fn mktime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "mktime", 1, 1)?;
    let mut tm = tm_arg(vm, &a, 0)?;
    tm.tm_wday = -1;
    // SAFETY: mktime normalises the tm we own.
    let t = unsafe {
        tzset();
        libc::mktime(&mut tm)
    };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    vm.new_float(t as f64)
}

/// _strftime(format, tm9, zone, gmtoff)
fn strftime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "strftime", 4, 4)?;
    let fv = vm.arg(&a, 0);
    if !vm.is(fv, Kind::Str) {
        let tn = vm.type_name(fv);
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {tn}")));
    }
    let fmt = vm.str_of(fv).to_string();
    let mut tm = tm_arg(vm, &a, 1)?;
    let zv = vm.arg(&a, 2);
    let zone = if vm.is(zv, Kind::Str) {
        vm.str_of(zv).to_string()
    } else {
        String::new()
    };
    let zone_c = CString::new(zone).unwrap_or_default();
    tm.tm_zone = zone_c.as_ptr();
    tm.tm_gmtoff = vm.to_i64(vm.arg(&a, 3)).unwrap_or(0) as _;
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    // strftime returns 0 both for "buffer too small" and for an empty result: format piecewise
    // around a sentinel so an empty expansion is not mistaken for an overflow.
    let c = CString::new(format!("{fmt}\x01")).unwrap_or_default();
    let mut cap = 256usize;
    loop {
        let mut buf = vec![0u8; cap];
        // SAFETY: buf has cap bytes; c and tm (with zone_c alive) are valid.
        let n =
            unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, cap, c.as_ptr(), &tm) };
        if n > 0 {
            buf.truncate(n - 1);
            let s = String::from_utf8_lossy(&buf).to_string();
            return vm.new_str(&s);
        }
        if cap > 1 << 20 {
            return vm.new_str("");
        }
        cap *= 4;
    }
}

/// _tzinfo() -> (timezone, altzone, daylight, tzname0, tzname1), west-positive seconds as CPython.
fn tzinfo(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "_tzinfo", 0, 0)?;
    // Probe January and July of the current year, as CPython's init_timezone does.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let year_start = now - now.rem_euclid(365 * 24 * 3600);
    let probe = |t: i64| {
        // SAFETY: zeroed is a valid tm; localtime_r fills it.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        let t = t as libc::time_t;
        // SAFETY: see above.
        unsafe {
            tzset();
            libc::localtime_r(&t, &mut tm);
        }
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: NUL-terminated name owned by the C library.
            unsafe { CStr::from_ptr(tm.tm_zone) }
                .to_string_lossy()
                .to_string()
        };
        (-(tm.tm_gmtoff as i64), zone)
    };
    let (jan_off, jan_name) = probe(year_start);
    let (jul_off, jul_name) = probe(year_start + 182 * 24 * 3600);
    let (std_off, std_name, dst_off, dst_name) = if jan_off < jul_off {
        // southern hemisphere: DST in January
        (jul_off, jul_name, jan_off, jan_name)
    } else {
        (jan_off, jan_name, jul_off, jul_name)
    };
    let daylight = (std_off != dst_off) as i64;
    let base = vm.sp();
    vm.push(Value::from_int(std_off).unwrap());
    vm.push(Value::from_int(dst_off).unwrap());
    vm.push(Value::from_int(daylight).unwrap());
    let s = vm.new_str(&std_name)?;
    vm.push(s);
    let d = vm.new_str(&dst_name)?;
    vm.push(d);
    let t = vm.new_tuple_from_stack(5);
    vm.truncate(base);
    t
}
