//! The `time` module: wall clock (time, time_ns), monotonic clocks (perf_counter, monotonic and their
//! _ns variants), process_time, and sleep; the calendar functions are in time_tm.rs. Registered as
//! `_time`: interp/lib/time.py is the `time` module (struct_time, strftime, strptime...).

use super::add_fns;
use crate::builtins::functions::{float_of, npos_range};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("perf_counter", perf_counter),
        ("perf_counter_ns", perf_counter_ns),
        ("monotonic", perf_counter),
        ("monotonic_ns", perf_counter_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("sleep", sleep),
    ];
    add_fns(vm, m, fns)?;
    add_fns(vm, m, super::time_tm::FNS)
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// Nanoseconds on a monotonic clock (from the first call in this process).
fn mono_ns() -> u64 {
    static START: OnceLock<Instant> = OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    start.elapsed().as_nanos() as u64
}

/// CPU time of this process in nanoseconds.
fn cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if r != 0 {
        return 0;
    }
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

fn time(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "time", 0, 0)?;
    vm.new_float(since_epoch().as_secs_f64())
}

fn time_ns(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "time_ns", 0, 0)?;
    vm.new_int_from_u64(since_epoch().as_nanos() as u64)
}

fn perf_counter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "perf_counter", 0, 0)?;
    vm.new_float(mono_ns() as f64 / 1e9)
}

fn perf_counter_ns(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "perf_counter_ns", 0, 0)?;
    vm.new_int_from_u64(mono_ns())
}

fn process_time(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "process_time", 0, 0)?;
    vm.new_float(cpu_ns() as f64 / 1e9)
}

fn process_time_ns(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "process_time_ns", 0, 0)?;
    vm.new_int_from_u64(cpu_ns())
}

fn sleep(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "sleep", 1, 1)?;
    let v = vm.arg(&a, 0);
    if !vm.is_int(v) && !vm.is(v, Kind::Float) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let secs = float_of(vm, v)?;
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() || secs > 1e12 {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    vm.flush_stdout();
    std::thread::sleep(Duration::from_secs_f64(secs));
    Ok(vm.none())
}
